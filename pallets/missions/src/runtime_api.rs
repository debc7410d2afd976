//! The read-only views `MissionsApi` serves to wallets and the mission board.

use crate::*;
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, Perbill};

impl<T: Config> Pallet<T> {
	/// A live mission with its milestones, deliverables and commitments.
	pub fn mission_view(
		id: MissionId,
	) -> Option<MissionView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>, T::AssetKind>> {
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
