//! The weights calls declare before they run: the most a call may cost,
//! from the benchmarked functions and the pallet's bounds.

use crate::*;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// What `member_left` may spend on one mission: an abandonment, or a
	/// withdrawal (which voids the terms out for signature), after reading
	/// the mission.
	pub(crate) fn member_left_weight_per_mission() -> Weight {
		let roster = T::MaxContributors::get();
		T::WeightInfo::abandon(roster)
			.max(T::WeightInfo::withdraw_commitment(roster))
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
		let roster = T::MaxContributors::get();
		let milestones = T::MaxMilestones::get();
		T::WeightInfo::approve_milestone(roster, milestones)
			.max(T::WeightInfo::approve_last_milestone(roster, Self::max_pending(), milestones))
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
}
