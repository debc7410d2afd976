//! Changing a mission's terms after it is posted: a larger budget (a
//! milestone topped up, or a milestone added) and a later deadline.
//!
//! Before work starts nothing is binding yet: a change applies at once, and
//! terms out for signature are voided (everyone signs the new ones). Once
//! work has started, the signed terms stand until every contributor on the
//! roster has agreed to the amended ones: the owner's changes gather in one
//! pending [`Amendment`] (its escrow already held), each contributor agrees to
//! its terms hash, and the last agreement applies it. An amendment lapses at
//! the deadline in force, and whatever it held goes back to the owner when it
//! lapses, is withdrawn, or the mission ends. With nobody on the roster a
//! change applies at once. So no one's bond is ever judged against a deadline
//! or budget it did not sign or agree to.

use crate::*;
use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::fungibles};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::{CheckedAdd, Saturating, Zero};

/// What an amendment changes, as the owner asks for it.
pub(crate) enum Change<T: Config> {
	TopUp { milestone: MilestoneIndex, amount: BalanceOf<T> },
	AddMilestone { description_hash: H256, amount: BalanceOf<T> },
	Deadline(BlockNumberFor<T>),
}

impl<T: Config> Pallet<T> {
	/// The milestones (description hash, amount) and deadline `mission` would
	/// have with `amendment` applied.
	pub(crate) fn amended_terms(
		mission: &Mission<T>,
		amendment: &Amendment<T>,
	) -> (Vec<(H256, BalanceOf<T>)>, BlockNumberFor<T>) {
		let mut milestones: Vec<(H256, BalanceOf<T>)> =
			mission.milestones.iter().map(|m| (m.description_hash, m.amount)).collect();
		for (index, amount) in &amendment.top_ups {
			if let Some(m) = milestones.get_mut(*index as usize) {
				m.1 = m.1.saturating_add(*amount);
			}
		}
		milestones.extend(amendment.added.iter().cloned());
		(milestones, amendment.deadline)
	}

	/// The hash a contributor agrees to: the terms hash of the amended terms.
	pub(crate) fn amendment_hash(
		id: MissionId,
		mission: &Mission<T>,
		amendment: &Amendment<T>,
	) -> H256 {
		let (milestones, deadline) = Self::amended_terms(mission, amendment);
		terms_hash_of(id, &milestones, &mission.roster, deadline)
	}

	/// Makes `change` to the owner's mission `id`: at once before work or with
	/// an empty roster, else into the pending amendment. Holds what it adds.
	pub(crate) fn do_amend(
		owner: T::AccountId,
		id: MissionId,
		change: Change<T>,
	) -> DispatchResult {
		let mut mission = Self::owned_mission(id, &owner)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= mission.deadline, Error::<T>::DeadlinePassed);
		// A pending amendment that lapsed is gone before anything new.
		Self::drop_lapsed_amendment(id, &mission)?;
		let mut pending = Amendments::<T>::get(id);
		let added = match &change {
			Change::TopUp { milestone, amount } => {
				ensure!(!amount.is_zero(), Error::<T>::ZeroMilestoneAmount);
				let m = mission
					.milestones
					.get(*milestone as usize)
					.ok_or(Error::<T>::MilestoneNotFound)?;
				ensure!(!m.status.is_settled(), Error::<T>::MilestoneAlreadyPaid);
				*amount
			}
			Change::AddMilestone { amount, .. } => {
				ensure!(!amount.is_zero(), Error::<T>::ZeroMilestoneAmount);
				let count =
					mission.milestones.len() + pending.as_ref().map_or(0, |a| a.added.len());
				ensure!(count < T::MaxMilestones::get() as usize, Error::<T>::TooManyMilestones);
				*amount
			}
			Change::Deadline(deadline) => {
				let current = pending.as_ref().map_or(mission.deadline, |a| a.deadline);
				ensure!(*deadline > current, Error::<T>::DeadlineNotLater);
				ensure!(
					*deadline <= mission.created.saturating_add(T::MaxDuration::get()),
					Error::<T>::DeadlineTooFar
				);
				Zero::zero()
			}
		};
		if !added.is_zero() {
			<T::Assets as fungibles::MutateHold<_>>::hold(
				mission.asset.clone(),
				&HoldReason::MissionEscrow.into(),
				&owner,
				added,
			)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		if !Self::is_active(&mission) || mission.roster.is_empty() {
			// Nobody left to agree: an amendment still pending binds now too.
			if let Some(amendment) = pending.take() {
				Amendments::<T>::remove(id);
				Self::apply_amendment(id, &mut mission, amendment)?;
			}
			Self::apply_change(id, &mut mission, change)?;
			Self::void_terms(id, &mut mission);
			LiveMissions::<T>::insert(id, mission);
			return Ok(());
		}
		let mut amendment = pending.take().unwrap_or_else(|| Amendment {
			top_ups: BoundedVec::new(),
			added: BoundedVec::new(),
			deadline: mission.deadline,
			terms_hash: H256::zero(),
			agreed: BoundedVec::new(),
			escrow: Zero::zero(),
		});
		match change {
			Change::TopUp { milestone, amount } => {
				if let Some(t) = amendment.top_ups.iter_mut().find(|(i, _)| *i == milestone) {
					t.1 = t.1.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				} else {
					amendment
						.top_ups
						.try_push((milestone, amount))
						.map_err(|_| Error::<T>::TooManyMilestones)?;
				}
			}
			Change::AddMilestone { description_hash, amount } => amendment
				.added
				.try_push((description_hash, amount))
				.map_err(|_| Error::<T>::TooManyMilestones)?,
			Change::Deadline(deadline) => amendment.deadline = deadline,
		}
		amendment.escrow = amendment.escrow.checked_add(&added).ok_or(Error::<T>::Overflow)?;
		// Changed terms: every agreement so far is void.
		amendment.agreed = BoundedVec::new();
		amendment.terms_hash = Self::amendment_hash(id, &mission, &amendment);
		let terms_hash = amendment.terms_hash;
		Amendments::<T>::insert(id, amendment);
		Self::deposit_event(Event::AmendmentProposed { mission: id, terms_hash });
		Ok(())
	}

	/// A change applied at once (before work, or nobody on the roster).
	fn apply_change(id: MissionId, mission: &mut Mission<T>, change: Change<T>) -> DispatchResult {
		match change {
			Change::TopUp { milestone, amount } => {
				let m = mission
					.milestones
					.get_mut(milestone as usize)
					.ok_or(Error::<T>::MilestoneNotFound)?;
				m.amount = m.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				mission.budget = mission.budget.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				Self::deposit_event(Event::BudgetIncreased {
					mission: id,
					milestone,
					asset: mission.asset.clone(),
					amount,
				});
			}
			Change::AddMilestone { description_hash, amount } => {
				mission
					.milestones
					.try_push(Milestone { description_hash, amount, status: MilestoneStatus::Open })
					.map_err(|_| Error::<T>::TooManyMilestones)?;
				mission.budget = mission.budget.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				Self::deposit_event(Event::BudgetIncreased {
					mission: id,
					milestone: mission.milestones.len() as MilestoneIndex - 1,
					asset: mission.asset.clone(),
					amount,
				});
			}
			Change::Deadline(deadline) => {
				mission.deadline = deadline;
				Self::deposit_event(Event::DeadlineExtended { mission: id, deadline });
			}
		}
		Ok(())
	}

	pub(crate) fn do_agree_amendment(
		who: T::AccountId,
		id: MissionId,
		terms_hash: H256,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::mission(id)?;
		ensure!(mission.roster_position(&who).is_some(), Error::<T>::NotAContributor);
		let mut amendment = Amendments::<T>::get(id).ok_or(Error::<T>::NoAmendment)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= mission.deadline, Error::<T>::AmendmentLapsed);
		ensure!(terms_hash == amendment.terms_hash, Error::<T>::TermsMismatch);
		ensure!(!amendment.agreed.contains(&who), Error::<T>::AlreadySigned);
		amendment.agreed.try_push(who.clone()).map_err(|_| Error::<T>::TooManyContributors)?;
		Self::deposit_event(Event::AmendmentAgreed { mission: id, who });
		let roster_len = mission.roster.len() as u32;
		if mission.roster.iter().all(|(a, _)| amendment.agreed.contains(a)) {
			Self::apply_amendment(id, &mut mission, amendment)?;
			LiveMissions::<T>::insert(id, mission);
			Amendments::<T>::remove(id);
		} else {
			Amendments::<T>::insert(id, amendment);
		}
		Ok(roster_len)
	}

	/// Every contributor agreed: the amended terms bind. A top-up of a
	/// milestone settled meanwhile goes back to the owner.
	fn apply_amendment(
		id: MissionId,
		mission: &mut Mission<T>,
		amendment: Amendment<T>,
	) -> DispatchResult {
		let mut unused = BalanceOf::<T>::zero();
		for (index, amount) in amendment.top_ups {
			match mission.milestones.get_mut(index as usize) {
				Some(m) if !m.status.is_settled() => {
					m.amount = m.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
					mission.budget =
						mission.budget.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				}
				_ => unused = unused.saturating_add(amount),
			}
		}
		for (description_hash, amount) in amendment.added {
			mission
				.milestones
				.try_push(Milestone { description_hash, amount, status: MilestoneStatus::Open })
				.map_err(|_| Error::<T>::TooManyMilestones)?;
			mission.budget = mission.budget.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		}
		mission.deadline = amendment.deadline;
		let terms_hash = Self::terms_hash(id, mission);
		mission.status = MissionStatus::Active { terms_hash };
		if !unused.is_zero() {
			Self::release_or_keep(id, mission, unused)?;
		}
		Self::deposit_event(Event::AmendmentApplied {
			mission: id,
			terms_hash,
			deadline: mission.deadline,
			budget: mission.budget,
		});
		Ok(())
	}

	pub(crate) fn do_withdraw_amendment(owner: T::AccountId, id: MissionId) -> DispatchResult {
		let mission = Self::owned_mission(id, &owner)?;
		ensure!(Amendments::<T>::contains_key(id), Error::<T>::NoAmendment);
		Self::drop_amendment(id, &mission)
	}

	/// Drops the pending amendment if its deadline (the mission's) passed.
	pub(crate) fn drop_lapsed_amendment(id: MissionId, mission: &Mission<T>) -> DispatchResult {
		if frame_system::Pallet::<T>::block_number() > mission.deadline {
			Self::drop_amendment(id, mission)?;
		}
		Ok(())
	}

	/// Drops the pending amendment, if any, and gives back what it held.
	pub(crate) fn drop_amendment(id: MissionId, mission: &Mission<T>) -> DispatchResult {
		if let Some(amendment) = Amendments::<T>::take(id) {
			if !amendment.escrow.is_zero() {
				Self::release_or_keep(id, mission, amendment.escrow)?;
			}
			Self::deposit_event(Event::AmendmentDropped { mission: id });
		}
		Ok(())
	}

	/// A roster change while an amendment is pending: its terms hash names
	/// the roster, so it is recomputed and every agreement is void.
	pub(crate) fn renew_amendment(id: MissionId, mission: &Mission<T>) {
		Amendments::<T>::mutate(id, |a| {
			if let Some(a) = a {
				a.agreed = BoundedVec::new();
				a.terms_hash = Self::amendment_hash(id, mission, a);
			}
		});
	}
}
