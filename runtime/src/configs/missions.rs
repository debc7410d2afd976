//! Missions: escrowed rewards, commitments, deliverables and payouts.

use super::governance::{dynamic_params::missions as params, CouncilTwoThirds};
use crate::{
	Balances, BlockNumber, Consortium, Reputation, Runtime, RuntimeEvent, RuntimeHoldReason, DAYS,
};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Furthest deadline: a year.
	pub const MaxDuration: BlockNumber = 365 * DAYS;
}

impl pallet_missions::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Members = Consortium;
	type DisputeOrigin = CouncilTwoThirds;
	type ForceOrigin = CouncilTwoThirds;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// Tuned by the council through `parameters.set_parameter`.
	type MissionDeposit = params::MissionDeposit;
	type MinimumBudget = params::MinimumBudget;
	type MinimumBond = params::MinimumBond;
	type MaxMilestones = ConstU32<16>;
	type MaxContributors = ConstU32<16>;
	type MaxTitleLen = ConstU32<128>;
	type MaxUriLen = ConstU32<256>;
	type MaxMissionsPerAccount = ConstU32<64>;
	type MaxDuration = MaxDuration;
	type ReviewPeriod = params::ReviewPeriod;
	type Reputation = Reputation;
	type OnSettled = Reputation;
	type WeightInfo = pallet_missions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MakeMember;
}

/// Benchmarks make their accounts consortium members.
#[cfg(feature = "runtime-benchmarks")]
pub struct MakeMember;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_missions::BenchmarkHelper<crate::AccountId> for MakeMember {
	fn make_member(who: &crate::AccountId) {
		Consortium::add_member_for_benchmarks(who);
	}
}
