//! The read-only views `MissionsApi` serves to wallets and the mission board.

use crate::*;
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::{traits::Saturating, Perbill};

impl<T: Config> Pallet<T> {
	/// A live mission with its milestones, deliverables and commitments.
	pub fn mission_view(id: MissionId) -> Option<MissionViewOf<T>> {
		let m = LiveMissions::<T>::get(id)?;
		let milestones = m
			.milestones
			.iter()
			.enumerate()
			.map(|(i, ms)| MilestoneView {
				description_hash: ms.description_hash,
				amount: ms.amount,
				status: ms.status.clone(),
				deliverable: Deliverables::<T>::get(id, i as u32).map(|d| DeliverableView {
					submitter: d.submitter,
					content_hash: d.content_hash,
					uri: d.uri.map(|u| u.into_inner()),
					version: d.version,
					submitted: d.submitted,
				}),
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
			asset: m.asset,
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

	/// Every call `who` may make on live mission `id` now (empty if it is not
	/// live). Each candidate call runs through the pallet's own dispatch code on
	/// the current state inside a storage transaction that is rolled back: the
	/// answer is the pallet's rules, never a copy of them. Calls that take an
	/// amount or a share are tried with the smallest valid one.
	pub fn mission_actions(who: &T::AccountId, id: MissionId) -> Vec<MissionAction<T::AccountId>> {
		let Some(m) = LiveMissions::<T>::get(id) else { return Vec::new() };
		let mut actions = Vec::new();
		let mut offer = |action: MissionAction<T::AccountId>, ok: bool| {
			if ok {
				actions.push(action);
			}
		};
		let w = || who.clone();

		let commit = Self::tried(|| {
			Self::do_commit(w(), id, Perbill::from_parts(1), H256::zero(), Self::bond_of(&m))
		});
		// The account's own standing (its balance for the bond, its reputation)
		// does not hide the call: the board shows the form and what the chain
		// answers, so the member learns why.
		let standing =
			[Error::<T>::InsufficientBalance.into(), Error::<T>::ReputationTooLow.into()];
		offer(
			MissionAction::Commit,
			commit.is_ok() || commit.is_err_and(|e| standing.contains(&e)),
		);
		offer(
			MissionAction::WithdrawCommitment,
			Self::tried(|| Self::do_withdraw_commitment(w(), id).map(|_| ())).is_ok(),
		);
		for (a, _) in Commitments::<T>::iter_prefix(id) {
			let accept = Self::tried(|| Self::do_accept_commitment(w(), id, a.clone()).map(|_| ()));
			offer(MissionAction::AcceptCommitment { who: a.clone() }, accept.is_ok());
			let reject = Self::tried(|| Self::do_reject_commitment(w(), id, a.clone()).map(|_| ()));
			offer(MissionAction::RejectCommitment { who: a }, reject.is_ok());
		}
		offer(MissionAction::ProposeTerms, Self::tried(|| Self::do_propose_terms(w(), id)).is_ok());
		if let MissionStatus::Agreeing { terms_hash } = m.status {
			let sign = Self::tried(|| Self::do_sign_terms(w(), id, terms_hash).map(|_| ()));
			offer(MissionAction::SignTerms { terms_hash }, sign.is_ok());
		}
		for milestone in 0..m.milestones.len() as MilestoneIndex {
			let deliver =
				Self::tried(|| Self::do_submit_deliverable(w(), id, milestone, H256::zero(), None));
			offer(MissionAction::Deliver { milestone }, deliver.is_ok());
			// Rejecting checks what approving does and the review period besides.
			let review = Self::tried(|| {
				Self::do_reject_milestone(w(), id, milestone, H256::zero()).map(|_| ())
			});
			offer(MissionAction::Review { milestone }, review.is_ok());
			let dispute = Self::tried(|| Self::do_dispute_milestone(w(), id, milestone));
			offer(MissionAction::Dispute { milestone }, dispute.is_ok());
		}
		offer(
			MissionAction::Abandon,
			Self::tried(|| Self::do_abandon(w(), id).map(|_| ())).is_ok(),
		);
		offer(
			MissionAction::Cancel,
			Self::tried(|| Self::do_cancel_mission(Some(w()), id)).is_ok(),
		);
		offer(MissionAction::CloseExpired, Self::tried(|| Self::do_close_expired(id)).is_ok());
		// The owner's change takes an amount or a date: offered while the owner may
		// make one (its mission, before the deadline), as `do_amend` checks first.
		let now = frame_system::Pallet::<T>::block_number();
		offer(MissionAction::Amend, m.owner == *who && now <= m.deadline);
		if let Some(a) = Amendments::<T>::get(id) {
			let agree = Self::tried(|| Self::do_agree_amendment(w(), id, a.terms_hash).map(|_| ()));
			offer(MissionAction::AgreeAmendment { terms_hash: a.terms_hash }, agree.is_ok());
			let withdraw = Self::tried(|| Self::do_withdraw_amendment(w(), id));
			offer(MissionAction::WithdrawAmendment, withdraw.is_ok());
		}
		actions
	}

	/// Runs `call` and rolls back everything it wrote (events included).
	fn tried(call: impl FnOnce() -> DispatchResult) -> DispatchResult {
		frame_support::storage::with_transaction(|| {
			frame_support::storage::TransactionOutcome::Rollback(call())
		})
	}

	/// What waits for `who`'s action.
	pub fn pending_actions(who: &T::AccountId) -> Vec<PendingAction<T::AccountId>> {
		let mut actions = Vec::new();
		let now = frame_system::Pallet::<T>::block_number();
		for id in OwnedMissions::<T>::get(who) {
			let Some(m) = LiveMissions::<T>::get(id) else { continue };
			match m.status {
				MissionStatus::Recruiting => {
					for (a, c) in Commitments::<T>::iter_prefix(id) {
						if c.status == CommitmentStatus::Pending {
							actions.push(PendingAction::DecideCommitment { mission: id, who: a });
						}
					}
					if !m.roster.is_empty()
						&& m.accepted_shares() == Perbill::one()
						&& Self::time_to_work(&m)
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
			let Some(m) = LiveMissions::<T>::get(id) else { continue };
			if m.roster_position(who).is_none() {
				if Self::is_active(&m) {
					actions.push(PendingAction::Withdraw { mission: id });
				}
				continue;
			}
			match m.status {
				MissionStatus::Agreeing { terms_hash } => {
					if Self::time_to_work(&m)
						&& Commitments::<T>::get(id, who).is_some_and(|c| !c.signed)
					{
						actions.push(PendingAction::SignTerms { mission: id, terms_hash });
					}
				}
				MissionStatus::Active { .. } => {
					if let Some(a) = Amendments::<T>::get(id) {
						if now <= m.deadline
							&& m.roster_position(who).is_some()
							&& !a.agreed.contains(who)
						{
							actions.push(PendingAction::AgreeAmendment {
								mission: id,
								terms_hash: a.terms_hash,
							});
						}
					}
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
}
