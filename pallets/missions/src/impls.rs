//! The logic behind the calls, the read-only views the runtime API serves,
//! and the invariants `try_state` checks.

use crate::*;
#[cfg(any(feature = "std", feature = "try-runtime"))]
use alloc::collections::btree_map::BTreeMap;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{BalancedHold, Inspect, InspectHold, MutateHold},
		tokens::{DepositConsequence, Fortitude, Precision, Provenance, Restriction},
		Contains, OnUnbalanced,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	Perbill,
};

impl<T: Config> Pallet<T> {
	// ----- Creating and recruiting -----

	pub(crate) fn do_create_mission(
		owner: T::AccountId,
		title: Vec<u8>,
		content_hash: H256,
		uri: Option<Vec<u8>>,
		milestones: Vec<MilestoneSpec<BalanceOf<T>>>,
		deadline: BlockNumberFor<T>,
		options: MissionOptions<BalanceOf<T>>,
	) -> DispatchResult {
		ensure!(T::Members::contains(&owner), Error::<T>::NotAMember);
		let title: BoundedVec<u8, T::MaxTitleLen> =
			title.try_into().map_err(|_| Error::<T>::TitleTooLong)?;
		let uri = Self::bound_uri(uri)?;
		ensure!(!milestones.is_empty(), Error::<T>::NoMilestones);
		ensure!(
			milestones.len() <= T::MaxMilestones::get() as usize,
			Error::<T>::TooManyMilestones
		);
		let mut budget = BalanceOf::<T>::zero();
		for m in &milestones {
			ensure!(!m.amount.is_zero(), Error::<T>::ZeroMilestoneAmount);
			budget = budget.checked_add(&m.amount).ok_or(Error::<T>::Overflow)?;
		}
		ensure!(budget >= T::MinimumBudget::get(), Error::<T>::BudgetTooLow);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(deadline > now, Error::<T>::DeadlineInPast);
		ensure!(deadline <= now.saturating_add(T::MaxDuration::get()), Error::<T>::DeadlineTooFar);

		let id = NextMissionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut owned = OwnedMissions::<T>::get(&owner);
		owned.try_push(id).map_err(|_| Error::<T>::TooManyMissions)?;

		let deposit = T::MissionDeposit::get().max(T::Currency::minimum_balance());
		let total = budget.checked_add(&deposit).ok_or(Error::<T>::Overflow)?;
		ensure!(
			T::Currency::can_hold(&HoldReason::MissionEscrow.into(), &owner, total),
			Error::<T>::InsufficientBalance
		);
		T::Currency::hold(&HoldReason::MissionEscrow.into(), &owner, budget)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::Currency::hold(&HoldReason::MissionDeposit.into(), &owner, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		let milestones: BoundedVec<_, T::MaxMilestones> = milestones
			.into_iter()
			.map(|m| Milestone {
				description_hash: m.description_hash,
				amount: m.amount,
				status: MilestoneStatus::Open,
			})
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::TooManyMilestones)?;

		let mission = Mission::<T> {
			owner: owner.clone(),
			metadata: MissionMetadata { title, content_hash, uri },
			milestones,
			deadline,
			review_period: T::ReviewPeriod::get(),
			options,
			status: MissionStatus::Recruiting,
			roster: BoundedVec::new(),
			pending: 0,
			budget,
			paid: Zero::zero(),
			refunded: Zero::zero(),
			owed: Zero::zero(),
			deposit,
			created: now,
		};
		Missions::<T>::insert(id, mission);
		OwnedMissions::<T>::insert(&owner, owned);
		NextMissionId::<T>::put(next);
		Self::deposit_event(Event::MissionCreated { mission: id, owner, budget, deadline });
		Ok(())
	}

	pub(crate) fn do_commit(
		who: T::AccountId,
		id: MissionId,
		share: Perbill,
		role_hash: H256,
	) -> DispatchResult {
		let mut mission = Self::mission(id)?;
		ensure!(Self::before_work(&mission), Error::<T>::NotRecruiting);
		ensure!(mission.owner != who, Error::<T>::OwnerCannotCommit);
		ensure!(
			mission.options.open_to_non_members || T::Members::contains(&who),
			Error::<T>::NotAMember
		);
		ensure!(!Commitments::<T>::contains_key(id, &who), Error::<T>::AlreadyCommitted);
		ensure!(!share.is_zero(), Error::<T>::ZeroShare);
		Self::ensure_fits(&mission, share)?;
		ensure!(mission.pending < T::MaxContributors::get(), Error::<T>::TooManyCommitments);
		ensure!(
			T::Reputation::reputation_of(&who) >= mission.options.min_reputation,
			Error::<T>::ReputationTooLow
		);
		let mut committed = CommittedMissions::<T>::get(&who);
		committed.try_push(id).map_err(|_| Error::<T>::TooManyMissions)?;
		let bond = Self::bond_of(&mission);
		T::Currency::hold(&HoldReason::CommitmentBond.into(), &who, bond)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		mission.pending.saturating_inc();
		Missions::<T>::insert(id, mission);
		CommittedMissions::<T>::insert(&who, committed);
		Commitments::<T>::insert(
			id,
			&who,
			Commitment::<T> {
				share,
				role_hash,
				bond,
				status: CommitmentStatus::Pending,
				signed: false,
				delivered: false,
			},
		);
		Self::deposit_event(Event::Committed { mission: id, who, share, bond });
		Ok(())
	}

	/// Returns the roster's size before the withdrawal (the weight's `c`).
	pub(crate) fn do_withdraw_commitment(
		who: T::AccountId,
		id: MissionId,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::mission(id)?;
		let commitment = Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		// A pending commitment may leave at any time: once work has started
		// without it, nothing else would ever free its bond.
		ensure!(
			Self::before_work(&mission) || commitment.status == CommitmentStatus::Pending,
			Error::<T>::NotRecruiting
		);
		let c = mission.roster.len() as u32;
		Self::drop_commitment(id, &mut mission, &who, &commitment)?;
		Self::release_bond(id, &who, commitment.bond)?;
		Missions::<T>::insert(id, mission);
		Self::deposit_event(Event::CommitmentWithdrawn { mission: id, who });
		Ok(c)
	}

	pub(crate) fn do_accept_commitment(
		owner: T::AccountId,
		id: MissionId,
		who: T::AccountId,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(Self::before_work(&mission), Error::<T>::NotRecruiting);
		let mut commitment =
			Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		ensure!(commitment.status == CommitmentStatus::Pending, Error::<T>::AlreadyAccepted);
		Self::ensure_fits(&mission, commitment.share)?;
		mission
			.roster
			.try_push((who.clone(), commitment.share))
			.map_err(|_| Error::<T>::TooManyContributors)?;
		mission.pending.saturating_dec();
		commitment.status = CommitmentStatus::Accepted;
		Commitments::<T>::insert(id, &who, &commitment);
		Self::void_terms(id, &mut mission);
		let c = mission.roster.len() as u32;
		Missions::<T>::insert(id, mission);
		Self::deposit_event(Event::CommitmentAccepted {
			mission: id,
			who,
			share: commitment.share,
		});
		Ok(c)
	}

	pub(crate) fn do_reject_commitment(
		owner: T::AccountId,
		id: MissionId,
		who: T::AccountId,
	) -> Result<RejectedCommitment, DispatchError> {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(Self::before_work(&mission), Error::<T>::NotRecruiting);
		let commitment = Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		let c = mission.roster.len() as u32;
		Self::drop_commitment(id, &mut mission, &who, &commitment)?;
		let fee = if commitment.status == CommitmentStatus::Pending {
			Self::burn_rejection_fee(&who, commitment.bond)?
		} else {
			Zero::zero()
		};
		Self::release_bond(id, &who, commitment.bond.saturating_sub(fee))?;
		Missions::<T>::insert(id, mission);
		Self::deposit_event(Event::CommitmentRejected { mission: id, who, fee });
		Ok(match commitment.status {
			CommitmentStatus::Pending => RejectedCommitment::Pending,
			CommitmentStatus::Accepted => RejectedCommitment::Accepted { roster: c },
		})
	}

	// ----- Agreeing -----

	pub(crate) fn do_propose_terms(owner: T::AccountId, id: MissionId) -> DispatchResult {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(mission.status == MissionStatus::Recruiting, Error::<T>::NotRecruiting);
		ensure!(!mission.roster.is_empty(), Error::<T>::NoContributors);
		ensure!(mission.accepted_shares() == Perbill::one(), Error::<T>::SharesIncomplete);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= mission.deadline,
			Error::<T>::DeadlinePassed
		);
		let terms_hash = Self::terms_hash(id, &mission);
		mission.status = MissionStatus::Agreeing { terms_hash };
		Missions::<T>::insert(id, mission);
		Self::deposit_event(Event::TermsProposed { mission: id, terms_hash });
		Ok(())
	}

	pub(crate) fn do_sign_terms(
		who: T::AccountId,
		id: MissionId,
		terms_hash: H256,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::mission(id)?;
		let MissionStatus::Agreeing { terms_hash: current } = mission.status else {
			return Err(Error::<T>::NotAgreeing.into());
		};
		ensure!(mission.roster_position(&who).is_some(), Error::<T>::NotAContributor);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= mission.deadline,
			Error::<T>::DeadlinePassed
		);
		ensure!(terms_hash == current, Error::<T>::TermsMismatch);
		let mut commitment =
			Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		ensure!(!commitment.signed, Error::<T>::AlreadySigned);
		commitment.signed = true;
		Commitments::<T>::insert(id, &who, commitment);
		Self::deposit_event(Event::TermsSigned { mission: id, who });

		let c = mission.roster.len() as u32;
		let all_signed = mission
			.roster
			.iter()
			.all(|(a, _)| Commitments::<T>::get(id, a).is_some_and(|c| c.signed));
		if all_signed {
			mission.status = MissionStatus::Active { terms_hash };
			Missions::<T>::insert(id, mission);
			Self::deposit_event(Event::MissionActivated { mission: id, terms_hash });
		}
		Ok(c)
	}

	// ----- Delivering and reviewing -----

	pub(crate) fn do_submit_deliverable(
		who: T::AccountId,
		id: MissionId,
		index: MilestoneIndex,
		content_hash: H256,
		uri: Option<Vec<u8>>,
	) -> DispatchResult {
		let mut mission = Self::mission(id)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		ensure!(mission.roster_position(&who).is_some(), Error::<T>::NotAContributor);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= mission.deadline, Error::<T>::DeadlinePassed);
		let uri = Self::bound_uri(uri)?;
		let milestone = Self::milestone_mut(&mut mission, index)?;
		match milestone.status {
			MilestoneStatus::Open | MilestoneStatus::Rejected { .. } => {}
			MilestoneStatus::Submitted => return Err(Error::<T>::MilestoneAwaitingReview.into()),
			MilestoneStatus::Disputed { .. } => return Err(Error::<T>::MilestoneDisputed.into()),
			MilestoneStatus::Paid | MilestoneStatus::Split { .. } => {
				return Err(Error::<T>::MilestoneAlreadyPaid.into())
			}
		}
		milestone.status = MilestoneStatus::Submitted;
		let version = Deliverables::<T>::get(id, index).map_or(1, |d| d.version.saturating_add(1));
		Deliverables::<T>::insert(
			id,
			index,
			Deliverable::<T> { submitter: who.clone(), content_hash, uri, version, submitted: now },
		);
		Commitments::<T>::mutate(id, &who, |c| {
			if let Some(c) = c {
				c.delivered = true;
			}
		});
		Missions::<T>::insert(id, mission);
		Self::deposit_event(Event::DeliverableSubmitted {
			mission: id,
			milestone: index,
			who,
			content_hash,
			version,
		});
		Ok(())
	}

	/// Returns the weight used: an approval, or the approval of the last
	/// milestone, which completes the mission.
	pub(crate) fn do_approve_milestone(
		owner: T::AccountId,
		id: MissionId,
		index: MilestoneIndex,
	) -> Result<Weight, DispatchError> {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		let milestone = Self::milestone_mut(&mut mission, index)?;
		Self::ensure_submitted(&milestone.status)?;
		ensure!(!mission.roster.is_empty(), Error::<T>::NoContributors);
		let (c, m) = Self::size(&mission);
		let first_try = Deliverables::<T>::get(id, index).is_some_and(|d| d.version == 1);
		Self::pay_milestone(id, &mut mission, index, Perbill::one(), first_try)?;
		Ok(match Self::finish_or_store(id, mission)? {
			Some(p) => T::WeightInfo::approve_last_milestone(c, p, m),
			None => T::WeightInfo::approve_milestone(c, m),
		})
	}

	pub(crate) fn do_reject_milestone(
		owner: T::AccountId,
		id: MissionId,
		index: MilestoneIndex,
		reason_hash: H256,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		let review_ends = mission.review_ends();
		let milestone = Self::milestone_mut(&mut mission, index)?;
		Self::ensure_submitted(&milestone.status)?;
		// Silence is consent: once the review period is over, a deliverable
		// left unreviewed is as good as approved.
		ensure!(now <= review_ends, Error::<T>::ReviewPeriodOver);
		milestone.status = MilestoneStatus::Rejected { reason_hash, at: now, upheld: false };
		for (who, _) in &mission.roster {
			T::OnSettled::on_settled(
				id,
				&mission.owner,
				who,
				Settlement::MilestoneRejected { milestone: index },
			);
		}
		let c = mission.roster.len() as u32;
		Missions::<T>::insert(id, mission);
		Self::deposit_event(Event::MilestoneRejected {
			mission: id,
			milestone: index,
			reason_hash,
		});
		Ok(c)
	}

	pub(crate) fn do_dispute_milestone(
		who: T::AccountId,
		id: MissionId,
		index: MilestoneIndex,
	) -> DispatchResult {
		let mut mission = Self::mission(id)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		ensure!(mission.roster_position(&who).is_some(), Error::<T>::NotAContributor);
		let milestone = Self::milestone_mut(&mut mission, index)?;
		let MilestoneStatus::Rejected { reason_hash, at, upheld } = milestone.status else {
			return Err(Error::<T>::MilestoneNotRejected.into());
		};
		ensure!(!upheld, Error::<T>::RejectionUpheld);
		milestone.status = MilestoneStatus::Disputed { reason_hash, at };
		Missions::<T>::insert(id, mission);
		Self::deposit_event(Event::MilestoneDisputed { mission: id, milestone: index, who });
		Ok(())
	}

	pub(crate) fn do_resolve_dispute(
		id: MissionId,
		index: MilestoneIndex,
		verdict: Verdict,
	) -> Result<Weight, DispatchError> {
		let mut mission = Self::mission(id)?;
		let (c, m) = Self::size(&mission);
		let milestone = Self::milestone_mut(&mut mission, index)?;
		let MilestoneStatus::Disputed { reason_hash, .. } = milestone.status else {
			return Err(Error::<T>::MilestoneNotDisputed.into());
		};
		let part = match verdict {
			Verdict::UpholdRejection => None,
			Verdict::Approve => Some(Perbill::one()),
			Verdict::Split(part) => Some(part),
		};
		match part {
			None => {
				let now = frame_system::Pallet::<T>::block_number();
				milestone.status = MilestoneStatus::Rejected { reason_hash, at: now, upheld: true };
				for (who, _) in &mission.roster {
					T::OnSettled::on_settled(
						id,
						&mission.owner,
						who,
						Settlement::DisputeLost { milestone: index },
					);
				}
			}
			Some(part) => {
				ensure!(!mission.roster.is_empty(), Error::<T>::NoContributors);
				// A verdict that pays an account nothing is a lost dispute for it.
				for (who, amount) in Self::pay_milestone(id, &mut mission, index, part, false)? {
					let outcome = if amount.is_zero() {
						Settlement::DisputeLost { milestone: index }
					} else {
						Settlement::DisputeWon { milestone: index, amount }
					};
					T::OnSettled::on_settled(id, &mission.owner, &who, outcome);
				}
			}
		}
		Self::deposit_event(Event::DisputeResolved { mission: id, milestone: index, verdict });
		let completion = Self::finish_or_store(id, mission)?
			.map_or(Weight::zero(), |p| T::WeightInfo::complete_mission(c, p, m));
		Ok(T::WeightInfo::resolve_dispute(c, m).saturating_add(completion))
	}

	// ----- Ending -----

	pub(crate) fn do_cancel_mission(owner: Option<T::AccountId>, id: MissionId) -> DispatchResult {
		let mut mission = match &owner {
			Some(owner) => {
				let mission = Self::owned_mission(id, owner)?;
				// Once everyone left an active mission, nobody can deliver:
				// the owner need not wait for the deadline.
				ensure!(
					Self::before_work(&mission) || mission.roster.is_empty(),
					Error::<T>::MissionAlreadyActive
				);
				mission
			}
			None => Self::mission(id)?,
		};
		Self::refund_unpaid(id, &mut mission)?;
		for (who, commitment) in Commitments::<T>::drain_prefix(id) {
			Self::release_bond(id, &who, commitment.bond)?;
			Self::unindex_commitment(id, &who);
		}
		Self::remove_mission(id, &mission)?;
		Self::deposit_event(Event::MissionCancelled { mission: id, by_force: owner.is_none() });
		Ok(())
	}

	/// Returns the roster's size before the leaver left (the weight's `c`).
	pub(crate) fn do_abandon(who: T::AccountId, id: MissionId) -> Result<u32, DispatchError> {
		let mut mission = Self::mission(id)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		let position = mission.roster_position(&who).ok_or(Error::<T>::NotAContributor)?;
		let c = mission.roster.len() as u32;
		let commitment = Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		let bond = commitment.bond;
		// The bond moves from the leaver's hold into the owner's escrow and
		// raises the last unsettled milestone.
		let last = mission
			.milestones
			.iter_mut()
			.rev()
			.find(|m| !m.status.is_settled())
			.ok_or(Error::<T>::MissionNotActive)?;
		last.amount = last.amount.checked_add(&bond).ok_or(Error::<T>::Overflow)?;
		mission.budget = mission.budget.checked_add(&bond).ok_or(Error::<T>::Overflow)?;
		if !bond.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::CommitmentBond.into(),
				&who,
				&mission.owner,
				bond,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
			T::Currency::hold(&HoldReason::MissionEscrow.into(), &mission.owner, bond)?;
		}
		let (_, left_share) = mission.roster.remove(position);
		Self::spread_share(&mut mission, left_share);
		Commitments::<T>::remove(id, &who);
		Self::unindex_commitment(id, &who);
		T::OnSettled::on_settled(
			id,
			&mission.owner,
			&who,
			Settlement::BondForfeited { amount: bond },
		);
		Missions::<T>::insert(id, mission);
		Self::deposit_event(Event::ContributorAbandoned { mission: id, who, forfeited: bond });
		Ok(c)
	}

	pub(crate) fn do_close_expired(id: MissionId) -> DispatchResult {
		let mut mission = Self::mission(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let closes_at =
			if Self::is_active(&mission) { mission.review_ends() } else { mission.deadline };
		ensure!(now > closes_at, Error::<T>::NotExpired);
		ensure!(
			!mission
				.milestones
				.iter()
				.any(|m| matches!(m.status, MilestoneStatus::Disputed { .. })),
			Error::<T>::DisputeOpen
		);
		let dispute_period = T::DisputePeriod::get();
		ensure!(
			!mission.milestones.iter().any(|m| matches!(
				m.status,
				MilestoneStatus::Rejected { at, upheld: false, .. }
					if now <= at.saturating_add(dispute_period)
			)),
			Error::<T>::DisputePeriodRunning
		);
		// Silence is consent: deliverables the owner left unreviewed are paid.
		if !mission.roster.is_empty() {
			for index in 0..mission.milestones.len() {
				if mission.milestones[index].status == MilestoneStatus::Submitted {
					Self::pay_milestone(id, &mut mission, index as u32, Perbill::one(), false)?;
				}
			}
		}
		// Every milestone settled: the mission completed, late or not, and
		// every bond comes back. An owner gains nothing by not reviewing.
		if mission.all_settled() {
			Self::finish_or_store(id, mission)?;
			return Ok(());
		}
		Self::refund_unpaid(id, &mut mission)?;
		let owner = mission.owner.clone();
		for (who, commitment) in Commitments::<T>::drain_prefix(id) {
			Self::unindex_commitment(id, &who);
			let on_roster = commitment.status == CommitmentStatus::Accepted;
			if on_roster && !commitment.delivered && Self::is_active(&mission) {
				Self::forfeit_bond(id, &who, &owner, commitment.bond)?;
			} else {
				Self::release_bond(id, &who, commitment.bond)?;
			}
			if on_roster {
				T::OnSettled::on_settled(
					id,
					&owner,
					&who,
					Settlement::MissionExpired { delivered: commitment.delivered },
				);
			}
		}
		Self::remove_mission(id, &mission)?;
		Self::deposit_event(Event::MissionExpired { mission: id });
		Ok(())
	}

	/// `who` left the consortium: its commitments to missions not yet
	/// started are withdrawn (bonds back), and it abandons every active
	/// mission it is on the roster of (bonds forfeited, as `abandon`). Each
	/// mission is handled in its own storage layer: one that fails is left as
	/// it was. Returns the weight used.
	pub fn member_left(who: &T::AccountId) -> Weight {
		let ids = CommittedMissions::<T>::get(who);
		let count = ids.len() as u32;
		for id in ids {
			let Some(mission) = Missions::<T>::get(id) else { continue };
			let result = frame_support::storage::with_storage_layer(|| {
				if Self::is_active(&mission) && mission.roster_position(who).is_some() {
					Self::do_abandon(who.clone(), id).map(|_| ())
				} else {
					// Before work, or a commitment never accepted: bond back.
					Self::do_withdraw_commitment(who.clone(), id).map(|_| ())
				}
			});
			if let Err(error) = result {
				Self::deposit_event(Event::MemberLeaveFailed {
					mission: id,
					who: who.clone(),
					error,
				});
			}
		}
		Self::member_left_weight_per_mission().saturating_mul(count.max(1) as u64)
	}

	/// What `member_left` may spend on one mission: an abandonment, or a
	/// withdrawal (which voids the terms out for signature), after reading
	/// the mission.
	fn member_left_weight_per_mission() -> Weight {
		let c = T::MaxContributors::get();
		T::WeightInfo::abandon(c)
			.max(T::WeightInfo::withdraw_commitment(c))
			.saturating_add(T::DbWeight::get().reads(1))
	}

	/// The most pending commitments a mission at work holds: the last
	/// contributor accepted committed while fewer than `MaxContributors` were
	/// pending.
	pub(crate) fn max_pending() -> u32 {
		T::MaxContributors::get().saturating_sub(1)
	}

	/// The most a completion may weigh: a full roster and pending list, every
	/// milestone.
	pub fn complete_mission_max_weight() -> Weight {
		T::WeightInfo::complete_mission(
			T::MaxContributors::get(),
			Self::max_pending(),
			T::MaxMilestones::get(),
		)
	}

	/// The most `approve_milestone` may weigh: an approval or, heavier, the
	/// approval of the last milestone with a full roster and pending list.
	pub fn approve_milestone_max_weight() -> Weight {
		let c = T::MaxContributors::get();
		let m = T::MaxMilestones::get();
		T::WeightInfo::approve_milestone(c, m).max(T::WeightInfo::approve_last_milestone(
			c,
			Self::max_pending(),
			m,
		))
	}

	/// The most `member_left` may weigh.
	pub fn member_left_max_weight() -> Weight {
		Self::member_left_weight_per_mission()
			.saturating_mul(T::MaxMissionsPerAccount::get() as u64)
	}

	/// The most ending a mission before work may weigh: a full roster of
	/// small shares and a full pending list (`MaxContributors` each), which
	/// a recruiting mission can hold.
	pub fn end_before_work_max_weight() -> Weight {
		T::WeightInfo::cancel_mission(
			T::MaxContributors::get().saturating_mul(2),
			T::MaxMilestones::get(),
		)
	}

	// ----- Helpers -----

	fn mission(id: MissionId) -> Result<Mission<T>, DispatchError> {
		Missions::<T>::get(id).ok_or_else(|| Error::<T>::MissionNotFound.into())
	}

	fn owned_mission(id: MissionId, owner: &T::AccountId) -> Result<Mission<T>, DispatchError> {
		let mission = Self::mission(id)?;
		ensure!(&mission.owner == owner, Error::<T>::NotMissionOwner);
		Ok(mission)
	}

	fn milestone_mut(
		mission: &mut Mission<T>,
		index: MilestoneIndex,
	) -> Result<&mut Milestone<BalanceOf<T>, BlockNumberFor<T>>, DispatchError> {
		mission
			.milestones
			.get_mut(index as usize)
			.ok_or_else(|| Error::<T>::MilestoneNotFound.into())
	}

	fn ensure_submitted(
		status: &MilestoneStatus<BalanceOf<T>, BlockNumberFor<T>>,
	) -> DispatchResult {
		match status {
			MilestoneStatus::Submitted => Ok(()),
			MilestoneStatus::Paid | MilestoneStatus::Split { .. } => {
				Err(Error::<T>::MilestoneAlreadyPaid.into())
			}
			MilestoneStatus::Disputed { .. } => Err(Error::<T>::MilestoneDisputed.into()),
			_ => Err(Error::<T>::MilestoneNotSubmitted.into()),
		}
	}

	fn bound_uri(
		uri: Option<Vec<u8>>,
	) -> Result<Option<BoundedVec<u8, T::MaxUriLen>>, DispatchError> {
		uri.map(|u| u.try_into().map_err(|_| Error::<T>::UriTooLong.into())).transpose()
	}

	fn before_work(mission: &Mission<T>) -> bool {
		matches!(mission.status, MissionStatus::Recruiting | MissionStatus::Agreeing { .. })
	}

	fn is_active(mission: &Mission<T>) -> bool {
		matches!(mission.status, MissionStatus::Active { .. })
	}

	/// The bond a commitment to `mission` holds: the mission's minimum, the
	/// chain's, and never below the existential deposit, so that releasing
	/// it can never fail.
	fn bond_of(mission: &Mission<T>) -> BalanceOf<T> {
		mission.options.min_bond.max(T::MinimumBond::get()).max(T::Currency::minimum_balance())
	}

	/// Takes the fee for turning down a pending commitment from its held
	/// `bond` (to [`Config::RejectionFee`]): the chain's minimum bond, or the whole bond if what would be
	/// left could not be released to the account (dust below the existential
	/// deposit). Returns the fee.
	fn burn_rejection_fee(
		who: &T::AccountId,
		bond: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut fee = T::MinimumBond::get().min(bond);
		let rest = bond.saturating_sub(fee);
		if !rest.is_zero()
			&& T::Currency::can_deposit(who, rest, Provenance::Extant)
				!= DepositConsequence::Success
		{
			fee = bond;
		}
		if !fee.is_zero() {
			let (credit, missing) =
				T::Currency::slash(&HoldReason::CommitmentBond.into(), who, fee);
			ensure!(missing.is_zero(), Error::<T>::InsufficientBalance);
			T::RejectionFee::on_unbalanced(credit);
		}
		Ok(fee)
	}

	/// Fails with `SharesExceedWhole` if `share` does not fit beside the roster's.
	fn ensure_fits(mission: &Mission<T>, share: Perbill) -> DispatchResult {
		let taken: u64 = mission.roster.iter().map(|(_, s)| s.deconstruct() as u64).sum();
		ensure!(
			taken.saturating_add(share.deconstruct() as u64) <= Perbill::one().deconstruct() as u64,
			Error::<T>::SharesExceedWhole
		);
		Ok(())
	}

	/// The hash every contributor signs.
	pub fn terms_hash(id: MissionId, mission: &Mission<T>) -> H256 {
		let milestones: Vec<(H256, BalanceOf<T>)> =
			mission.milestones.iter().map(|m| (m.description_hash, m.amount)).collect();
		terms_hash_of(id, &milestones, &mission.roster, mission.deadline)
	}

	/// After a roster change: terms out for signature are void.
	fn void_terms(id: MissionId, mission: &mut Mission<T>) {
		if matches!(mission.status, MissionStatus::Agreeing { .. }) {
			mission.status = MissionStatus::Recruiting;
			for (who, _) in &mission.roster {
				Commitments::<T>::mutate(id, who, |c| {
					if let Some(c) = c {
						c.signed = false;
					}
				});
			}
			Self::deposit_event(Event::TermsVoided { mission: id });
		}
	}

	/// Removes a commitment (the caller settles its bond): roster, pending
	/// count and index updated.
	fn drop_commitment(
		id: MissionId,
		mission: &mut Mission<T>,
		who: &T::AccountId,
		commitment: &Commitment<T>,
	) -> DispatchResult {
		match commitment.status {
			CommitmentStatus::Pending => mission.pending.saturating_dec(),
			CommitmentStatus::Accepted => {
				if let Some(p) = mission.roster_position(who) {
					mission.roster.remove(p);
				}
				Self::void_terms(id, mission);
			}
		}
		Commitments::<T>::remove(id, who);
		Self::unindex_commitment(id, who);
		Ok(())
	}

	fn unindex_commitment(id: MissionId, who: &T::AccountId) {
		CommittedMissions::<T>::mutate_exists(who, |list| {
			if let Some(l) = list {
				l.retain(|m| *m != id);
				if l.is_empty() {
					*list = None;
				}
			}
		});
	}

	fn release_bond(id: MissionId, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(
				&HoldReason::CommitmentBond.into(),
				who,
				amount,
				Precision::Exact,
			)?;
		}
		Self::deposit_event(Event::BondReleased { mission: id, who: who.clone(), amount });
		Ok(())
	}

	fn forfeit_bond(
		id: MissionId,
		who: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::CommitmentBond.into(),
				who,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
		}
		T::OnSettled::on_settled(id, to, who, Settlement::BondForfeited { amount });
		Self::deposit_event(Event::BondForfeited {
			mission: id,
			who: who.clone(),
			to: to.clone(),
			amount,
		});
		Ok(())
	}

	/// Pays `part` of milestone `index` to the roster by share and refunds the
	/// rest to the owner; marks the milestone settled. Returns what each
	/// contributor received.
	///
	/// No recipient can block the payout: a contributor's part too small for
	/// its account to receive goes to the owner with the rest
	/// ([`Event::RewardUnpayable`]), and a refund the owner's account cannot
	/// receive yet is deferred ([`Event::RefundDeferred`]).
	fn pay_milestone(
		id: MissionId,
		mission: &mut Mission<T>,
		index: MilestoneIndex,
		part: Perbill,
		first_try: bool,
	) -> Result<Vec<(T::AccountId, BalanceOf<T>)>, DispatchError> {
		let amount =
			mission.milestones.get(index as usize).ok_or(Error::<T>::MilestoneNotFound)?.amount;
		let mut to_pay = part.mul_floor(amount);
		let mut to_refund = amount.saturating_sub(to_pay);
		// Each contributor's part, rounded down; the remainder to the first.
		let mut parts: Vec<BalanceOf<T>> =
			mission.roster.iter().map(|(_, share)| share.mul_floor(to_pay)).collect();
		let handed: BalanceOf<T> = parts.iter().fold(Zero::zero(), |a, p| a.saturating_add(*p));
		if let Some(first) = parts.first_mut() {
			*first = first.saturating_add(to_pay.saturating_sub(handed));
		}
		let mut received = Vec::with_capacity(parts.len());
		for ((who, _), mut value) in mission.roster.iter().zip(parts) {
			if !value.is_zero()
				&& T::Currency::can_deposit(who, value, Provenance::Extant)
					!= DepositConsequence::Success
			{
				to_pay = to_pay.saturating_sub(value);
				to_refund = to_refund.saturating_add(value);
				Self::deposit_event(Event::RewardUnpayable {
					mission: id,
					milestone: index,
					who: who.clone(),
					amount: value,
				});
				value = Zero::zero();
			}
			if !value.is_zero() {
				T::Currency::transfer_on_hold(
					&HoldReason::MissionEscrow.into(),
					&mission.owner,
					who,
					value,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Force,
				)?;
			}
			T::OnSettled::on_settled(
				id,
				&mission.owner,
				who,
				Settlement::MilestonePaid { milestone: index, amount: value, first_try },
			);
			Self::deposit_event(Event::RewardPaid {
				mission: id,
				milestone: index,
				who: who.clone(),
				amount: value,
			});
			received.push((who.clone(), value));
		}
		mission.paid = mission.paid.checked_add(&to_pay).ok_or(Error::<T>::Overflow)?;
		if !to_refund.is_zero() {
			Self::refund(id, mission, to_refund)?;
		}
		let milestone =
			mission.milestones.get_mut(index as usize).ok_or(Error::<T>::MilestoneNotFound)?;
		milestone.status = if to_refund.is_zero() {
			MilestoneStatus::Paid
		} else {
			MilestoneStatus::Split { paid: to_pay, refunded: to_refund }
		};
		Self::deposit_event(Event::MilestoneApproved {
			mission: id,
			milestone: index,
			amount: to_pay,
		});
		Ok(received)
	}

	/// Gives `amount` of the escrow back to the owner, or, if the owner's
	/// account cannot receive it now (it would stay below the existential
	/// deposit), keeps it held as owed until the mission's records go.
	fn refund(id: MissionId, mission: &mut Mission<T>, amount: BalanceOf<T>) -> DispatchResult {
		mission.refunded = mission.refunded.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let owner = mission.owner.clone();
		if T::Currency::can_deposit(&owner, amount, Provenance::Extant)
			!= DepositConsequence::Success
		{
			mission.owed = mission.owed.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Self::deposit_event(Event::RefundDeferred { mission: id, owner, amount });
			return Ok(());
		}
		T::Currency::release(&HoldReason::MissionEscrow.into(), &owner, amount, Precision::Exact)?;
		Self::deposit_event(Event::Refunded { mission: id, owner, amount });
		Ok(())
	}

	/// Refunds everything still in escrow to the owner.
	fn refund_unpaid(id: MissionId, mission: &mut Mission<T>) -> DispatchResult {
		let left = mission.escrowed();
		if !left.is_zero() {
			Self::refund(id, mission, left)?;
		}
		Ok(())
	}

	/// Stores the mission, or, if every milestone is settled, completes it:
	/// the rest of the escrow back to the owner, every bond released (one
	/// pass over the commitments), the records removed. Returns, if it
	/// completed, how many pending commitments it released (the weight's `p`).
	pub(crate) fn finish_or_store(
		id: MissionId,
		mut mission: Mission<T>,
	) -> Result<Option<u32>, DispatchError> {
		if !mission.all_settled() {
			Missions::<T>::insert(id, mission);
			return Ok(None);
		}
		let p = mission.pending;
		Self::refund_unpaid(id, &mut mission)?;
		for (who, commitment) in Commitments::<T>::drain_prefix(id) {
			if let Some(share) = mission.roster.iter().find(|(a, _)| *a == who).map(|(_, s)| *s) {
				// What the roster's share of the payouts came to (the share
				// may have grown when others abandoned, so this is a bound).
				let earned = share.mul_floor(mission.paid);
				T::OnSettled::on_settled(
					id,
					&mission.owner,
					&who,
					Settlement::MissionCompleted { earned },
				);
			}
			Self::release_bond(id, &who, commitment.bond)?;
			Self::unindex_commitment(id, &who);
		}
		Self::remove_mission(id, &mission)?;
		Self::deposit_event(Event::MissionCompleted { mission: id });
		Ok(Some(p))
	}

	/// The weight components of a mission: roster size and milestones.
	fn size(mission: &Mission<T>) -> (u32, u32) {
		(mission.roster.len() as u32, mission.milestones.len() as u32)
	}

	/// Removes the records of a mission whose escrow and bonds are settled
	/// and whose commitments are gone, and releases its deposit.
	fn remove_mission(id: MissionId, mission: &Mission<T>) -> DispatchResult {
		// The deposit first: it is at least the existential deposit, so the
		// owner's account can then receive any refund it was owed.
		T::Currency::release(
			&HoldReason::MissionDeposit.into(),
			&mission.owner,
			mission.deposit,
			Precision::Exact,
		)?;
		if !mission.owed.is_zero() {
			T::Currency::release(
				&HoldReason::MissionEscrow.into(),
				&mission.owner,
				mission.owed,
				Precision::Exact,
			)?;
			Self::deposit_event(Event::Refunded {
				mission: id,
				owner: mission.owner.clone(),
				amount: mission.owed,
			});
		}
		let _ = Deliverables::<T>::clear_prefix(id, u32::MAX, None);
		OwnedMissions::<T>::mutate_exists(&mission.owner, |list| {
			if let Some(l) = list {
				l.retain(|m| *m != id);
				if l.is_empty() {
					*list = None;
				}
			}
		});
		Missions::<T>::remove(id);
		Ok(())
	}

	/// Spreads a leaver's share over the remaining roster, in proportion to
	/// their shares; the rounding remainder goes to the first.
	fn spread_share(mission: &mut Mission<T>, _left: Perbill) {
		let remaining: u64 = mission.roster.iter().map(|(_, s)| s.deconstruct() as u64).sum();
		if remaining == 0 {
			return;
		}
		let whole = Perbill::one().deconstruct() as u64;
		let mut handed = 0u64;
		for (_, share) in mission.roster.iter_mut() {
			let scaled = (share.deconstruct() as u64).saturating_mul(whole) / remaining;
			*share = Perbill::from_parts(scaled as u32);
			handed = handed.saturating_add(scaled);
		}
		if let Some((_, first)) = mission.roster.get_mut(0) {
			let extra = whole.saturating_sub(handed) as u32;
			*first = Perbill::from_parts(first.deconstruct().saturating_add(extra));
		}
	}

	// ----- Views for the runtime API -----

	/// A live mission with its milestones, deliverables and commitments.
	pub fn mission_view(
		id: MissionId,
	) -> Option<MissionView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let m = Missions::<T>::get(id)?;
		let milestones = m
			.milestones
			.iter()
			.enumerate()
			.map(|(i, ms)| MilestoneView {
				description_hash: ms.description_hash,
				amount: ms.amount,
				status: ms.status.clone(),
				deliverable: Deliverables::<T>::get(id, i as u32)
					.map(|d| (d.submitter, d.content_hash, d.version, d.submitted)),
			})
			.collect();
		let commitments = Commitments::<T>::iter_prefix(id)
			.map(|(who, c)| CommitmentView {
				who,
				share: c.share,
				bond: c.bond,
				status: c.status,
				signed: c.signed,
			})
			.collect();
		Some(MissionView {
			id,
			escrowed: m.escrowed(),
			owner: m.owner,
			title: m.metadata.title.into_inner(),
			content_hash: m.metadata.content_hash,
			uri: m.metadata.uri.map(|u| u.into_inner()),
			status: m.status,
			deadline: m.deadline,
			options: m.options,
			budget: m.budget,
			paid: m.paid,
			refunded: m.refunded,
			milestones,
			commitments,
		})
	}

	/// The live missions `who` owns or has committed to.
	pub fn missions_of(who: &T::AccountId) -> AccountMissions {
		AccountMissions {
			owned: OwnedMissions::<T>::get(who).into_inner(),
			committed: CommittedMissions::<T>::get(who).into_inner(),
		}
	}

	/// What waits for `who`'s action.
	pub fn pending_actions(who: &T::AccountId) -> Vec<PendingAction<T::AccountId>> {
		let mut actions = Vec::new();
		let now = frame_system::Pallet::<T>::block_number();
		for id in OwnedMissions::<T>::get(who) {
			let Some(m) = Missions::<T>::get(id) else { continue };
			match m.status {
				MissionStatus::Recruiting => {
					for (a, c) in Commitments::<T>::iter_prefix(id) {
						if c.status == CommitmentStatus::Pending {
							actions.push(PendingAction::DecideCommitment { mission: id, who: a });
						}
					}
					if !m.roster.is_empty()
						&& m.accepted_shares() == Perbill::one()
						&& now <= m.deadline
					{
						actions.push(PendingAction::ProposeTerms { mission: id });
					}
				}
				MissionStatus::Active { .. } => {
					if now > m.review_ends() {
						continue;
					}
					for (i, ms) in m.milestones.iter().enumerate() {
						if ms.status == MilestoneStatus::Submitted {
							actions
								.push(PendingAction::Review { mission: id, milestone: i as u32 });
						}
					}
				}
				MissionStatus::Agreeing { .. } => {}
			}
		}
		for id in CommittedMissions::<T>::get(who) {
			let Some(m) = Missions::<T>::get(id) else { continue };
			if m.roster_position(who).is_none() {
				if Self::is_active(&m) {
					actions.push(PendingAction::Withdraw { mission: id });
				}
				continue;
			}
			match m.status {
				MissionStatus::Agreeing { terms_hash } => {
					if now <= m.deadline
						&& Commitments::<T>::get(id, who).is_some_and(|c| !c.signed)
					{
						actions.push(PendingAction::SignTerms { mission: id, terms_hash });
					}
				}
				MissionStatus::Active { .. } => {
					for (i, ms) in m.milestones.iter().enumerate() {
						let milestone = i as u32;
						match ms.status {
							MilestoneStatus::Open if now <= m.deadline => {
								actions.push(PendingAction::Deliver { mission: id, milestone });
							}
							MilestoneStatus::Rejected { at, upheld, .. } => {
								if now <= m.deadline {
									actions.push(PendingAction::Deliver { mission: id, milestone });
								}
								if !upheld && now <= at.saturating_add(T::DisputePeriod::get()) {
									actions.push(PendingAction::Dispute { mission: id, milestone });
								}
							}
							_ => {}
						}
					}
				}
				MissionStatus::Recruiting => {}
			}
		}
		actions
	}

	// ----- Invariants -----

	/// Checks the pallet's invariants:
	/// - each owner's escrow hold is the sum of its live missions' unpaid
	///   budgets, and its deposit hold the sum of their deposits;
	/// - each account's bond hold is the sum of its commitments' bonds;
	/// - each mission's budget is its milestones' sum and covers what was
	///   paid and refunded; the roster's shares never exceed the whole and
	///   make it exactly once terms are out (while anyone is on it);
	/// - roster, pending count and commitments agree; no commitment,
	///   deliverable or index entry points at a mission that is gone.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut escrow: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let next = NextMissionId::<T>::get();

		for (id, m) in Missions::<T>::iter() {
			ensure!(id < next, "mission id at or beyond NextMissionId");
			let sum =
				m.milestones.iter().fold(BalanceOf::<T>::zero(), |a, x| a.saturating_add(x.amount));
			ensure!(sum == m.budget, "budget is not the sum of the milestones");
			ensure!(
				m.paid.saturating_add(m.refunded) <= m.budget,
				"paid and refunded exceed the budget"
			);
			ensure!(m.owed <= m.refunded, "owed more than was refunded");
			ensure!(m.deposit >= T::Currency::minimum_balance(), "deposit below the minimum");
			let settled = m.milestones.iter().fold(BalanceOf::<T>::zero(), |a, x| {
				a.saturating_add(match x.status {
					MilestoneStatus::Paid => x.amount,
					MilestoneStatus::Split { paid, refunded } => paid.saturating_add(refunded),
					_ => Zero::zero(),
				})
			});
			ensure!(
				settled == m.paid.saturating_add(m.refunded),
				"settled milestones do not match paid and refunded"
			);
			let e = escrow.entry(m.owner.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(m.escrow_held());
			let d = deposits.entry(m.owner.clone()).or_insert_with(Zero::zero);
			*d = d.saturating_add(m.deposit);

			let taken: u64 = m.roster.iter().map(|(_, s)| s.deconstruct() as u64).sum();
			ensure!(taken <= Perbill::one().deconstruct() as u64, "roster shares exceed the whole");
			if !matches!(m.status, MissionStatus::Recruiting) && !m.roster.is_empty() {
				ensure!(
					m.accepted_shares() == Perbill::one(),
					"agreed roster shares are not whole"
				);
			}
			let mut accepted = 0u32;
			let mut pending = 0u32;
			for (who, c) in Commitments::<T>::iter_prefix(id) {
				match c.status {
					CommitmentStatus::Accepted => {
						accepted += 1;
						ensure!(
							m.roster_position(&who).is_some(),
							"accepted commitment off the roster"
						);
					}
					CommitmentStatus::Pending => pending += 1,
				}
				ensure!(
					CommittedMissions::<T>::get(&who).contains(&id),
					"commitment missing from the account's index"
				);
			}
			ensure!(accepted as usize == m.roster.len(), "roster and accepted commitments differ");
			ensure!(pending == m.pending, "pending count is wrong");
			ensure!(
				OwnedMissions::<T>::get(&m.owner).contains(&id),
				"mission missing from owner index"
			);
		}
		for (id, who, c) in Commitments::<T>::iter() {
			ensure!(Missions::<T>::contains_key(id), "commitment of a mission that is gone");
			let b = bonds.entry(who).or_insert_with(Zero::zero);
			*b = b.saturating_add(c.bond);
		}
		for (id, index, _) in Deliverables::<T>::iter() {
			let m = Missions::<T>::get(id).ok_or("deliverable of a mission that is gone")?;
			ensure!(
				(index as usize) < m.milestones.len(),
				"deliverable of a milestone that is not"
			);
		}
		for (who, list) in OwnedMissions::<T>::iter() {
			for id in list {
				ensure!(
					Missions::<T>::get(id).is_some_and(|m| m.owner == who),
					"owner index points at a mission it does not own"
				);
			}
		}
		for (who, list) in CommittedMissions::<T>::iter() {
			for id in list {
				ensure!(
					Commitments::<T>::contains_key(id, &who),
					"commitment index without commitment"
				);
			}
		}
		// The holds: compare for every account that has any.
		let escrow_reason: T::RuntimeHoldReason = HoldReason::MissionEscrow.into();
		let deposit_reason: T::RuntimeHoldReason = HoldReason::MissionDeposit.into();
		let bond_reason: T::RuntimeHoldReason = HoldReason::CommitmentBond.into();
		let mut accounts: Vec<T::AccountId> = escrow.keys().cloned().collect();
		accounts.extend(bonds.keys().cloned());
		accounts.extend(OwnedMissions::<T>::iter_keys());
		accounts.extend(CommittedMissions::<T>::iter_keys());
		for who in accounts {
			let zero = BalanceOf::<T>::zero();
			ensure!(
				T::Currency::balance_on_hold(&escrow_reason, &who)
					== *escrow.get(&who).unwrap_or(&zero),
				"escrow hold differs from the live missions' unpaid budgets"
			);
			ensure!(
				T::Currency::balance_on_hold(&deposit_reason, &who)
					== *deposits.get(&who).unwrap_or(&zero),
				"deposit hold differs from the live missions' deposits"
			);
			ensure!(
				T::Currency::balance_on_hold(&bond_reason, &who)
					== *bonds.get(&who).unwrap_or(&zero),
				"bond hold differs from the open commitments' bonds"
			);
		}
		Ok(())
	}
}
