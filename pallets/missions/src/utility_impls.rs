//! Helpers the calls share: reading a mission, checking its phase, the
//! roster and its terms, and storing or removing its records.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, fungibles, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

/// The sizes a mission's weights are charged for.
pub(crate) struct MissionSize {
	/// Contributors on the roster.
	pub roster: u32,
	/// Milestones.
	pub milestones: u32,
}

impl<T: Config> Pallet<T> {
	/// The smallest budget of a mission in `asset`, or `None` if missions
	/// cannot be paid in it (not accepted by governance, or gone).
	pub fn minimum_budget(asset: &T::AssetKind) -> Option<BalanceOf<T>> {
		if *asset == T::NativeAsset::get() {
			return Some(T::MinimumBudget::get());
		}
		if !<T::Assets as fungibles::Inspect<_>>::asset_exists(asset.clone()) {
			return None;
		}
		MinimumBudgets::<T>::get(asset)
	}

	pub(crate) fn mission(id: MissionId) -> Result<Mission<T>, DispatchError> {
		LiveMissions::<T>::get(id).ok_or_else(|| Error::<T>::MissionNotFound.into())
	}

	pub(crate) fn owned_mission(
		id: MissionId,
		owner: &T::AccountId,
	) -> Result<Mission<T>, DispatchError> {
		let mission = Self::mission(id)?;
		ensure!(&mission.owner == owner, Error::<T>::NotMissionOwner);
		Ok(mission)
	}

	pub(crate) fn milestone_mut(
		mission: &mut Mission<T>,
		index: MilestoneIndex,
	) -> Result<&mut Milestone<BalanceOf<T>, BlockNumberFor<T>>, DispatchError> {
		mission
			.milestones
			.get_mut(index as usize)
			.ok_or_else(|| Error::<T>::MilestoneNotFound.into())
	}

	pub(crate) fn ensure_submitted(
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

	pub(crate) fn bound_uri(
		uri: Option<Vec<u8>>,
	) -> Result<Option<BoundedVec<u8, T::MaxUriLen>>, DispatchError> {
		uri.map(|u| u.try_into().map_err(|_| Error::<T>::UriTooLong.into())).transpose()
	}

	pub(crate) fn before_work(mission: &Mission<T>) -> bool {
		matches!(mission.status, MissionStatus::Recruiting | MissionStatus::Agreeing { .. })
	}

	pub(crate) fn is_active(mission: &Mission<T>) -> bool {
		matches!(mission.status, MissionStatus::Active { .. })
	}

	/// Whether at least `MinWorkingTime` is left before the deadline: work may still start.
	pub fn time_to_work(mission: &Mission<T>) -> bool {
		frame_system::Pallet::<T>::block_number().saturating_add(T::MinWorkingTime::get())
			<= mission.deadline
	}

	/// Silence is consent: once an active mission's review period is over, every
	/// deliverable still awaiting review is paid in full.
	pub(crate) fn pay_what_silence_approved(
		id: MissionId,
		mission: &mut Mission<T>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		if !Self::is_active(mission) || mission.roster.is_empty() || now <= mission.review_ends() {
			return Ok(());
		}
		for index in 0..mission.milestones.len() {
			if mission.milestones[index].status == MilestoneStatus::Submitted {
				Self::pay_milestone(id, mission, index as u32, Perbill::one(), false)?;
			}
		}
		Ok(())
	}

	/// Fails with `SharesExceedWhole` if `share` does not fit beside the roster's.
	pub(crate) fn ensure_fits(mission: &Mission<T>, share: Perbill) -> DispatchResult {
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
	pub(crate) fn void_terms(id: MissionId, mission: &mut Mission<T>) {
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
	pub(crate) fn drop_commitment(
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

	pub(crate) fn unindex_commitment(id: MissionId, who: &T::AccountId) {
		CommittedMissions::<T>::mutate_exists(who, |list| {
			if let Some(l) = list {
				l.retain(|m| *m != id);
				if l.is_empty() {
					*list = None;
				}
			}
		});
	}

	/// Stores the mission, or, if every milestone is settled, completes it:
	/// the rest of the escrow back to the owner, every bond released (one
	/// pass over the commitments), the records removed. Returns, if it
	/// completed, how many pending commitments it released (what the
	/// completion's weight is charged for).
	pub(crate) fn finish_or_store(
		id: MissionId,
		mut mission: Mission<T>,
	) -> Result<Option<u32>, DispatchError> {
		if !mission.all_settled() {
			LiveMissions::<T>::insert(id, mission);
			return Ok(None);
		}
		let pending = mission.pending;
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
		Ok(Some(pending))
	}

	/// What a call on `mission` is charged for: its roster and milestones.
	pub(crate) fn size(mission: &Mission<T>) -> MissionSize {
		MissionSize {
			roster: mission.roster.len() as u32,
			milestones: mission.milestones.len() as u32,
		}
	}

	/// Removes the records of a mission whose escrow and bonds are settled
	/// and whose commitments are gone, and releases its deposit.
	pub(crate) fn remove_mission(id: MissionId, mission: &Mission<T>) -> DispatchResult {
		// The deposit first: it is at least the existential deposit, so the
		// owner's account can then receive any refund it was owed.
		T::Currency::release(
			&HoldReason::MissionDeposit.into(),
			&mission.owner,
			mission.deposit,
			Precision::Exact,
		)?;
		if !mission.owed.is_zero() {
			// If the asset still cannot deliver it, the refund stays held, now
			// the owner's to claim, and the mission's records can go.
			Self::release_or_keep(id, mission, mission.owed)?;
		}
		Self::drop_amendment(id, mission)?;
		let _ = Deliverables::<T>::clear_prefix(id, u32::MAX, None);
		OwnedMissions::<T>::mutate_exists(&mission.owner, |list| {
			if let Some(l) = list {
				l.retain(|m| *m != id);
				if l.is_empty() {
					*list = None;
				}
			}
		});
		LiveMissions::<T>::remove(id);
		Ok(())
	}

	/// Spreads a leaver's share over the remaining roster, in proportion to
	/// their shares; the rounding remainder goes to the first.
	pub(crate) fn spread_share(mission: &mut Mission<T>, _left: Perbill) {
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
}
