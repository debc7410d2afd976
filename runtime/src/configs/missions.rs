//! Missions: escrowed rewards, commitments, deliverables and payouts.

use super::governance::{dynamic_params::missions as params, CouncilTwoThirds};
use crate::{
	Balances, BlockNumber, Consortium, Reputation, Runtime, RuntimeEvent, RuntimeHoldReason, DAYS,
};
use frame_support::{parameter_types, traits::ConstU32};

parameter_types! {
	/// Furthest deadline: a year.
	pub const MaxDuration: BlockNumber = 365 * DAYS;
	/// Time the roster has to dispute a rejection; a mission cannot be
	/// closed as expired while a rejection may still be disputed.
	pub const DisputePeriod: BlockNumber = 3 * DAYS;
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
	// The fee for a turned-down pending commitment is burned.
	type RejectionFee = ();
	type MaxMilestones = ConstU32<16>;
	type MaxContributors = ConstU32<16>;
	type MaxTitleLen = ConstU32<128>;
	type MaxUriLen = ConstU32<256>;
	type MaxMissionsPerAccount = ConstU32<64>;
	type MaxDuration = MaxDuration;
	type ReviewPeriod = params::ReviewPeriod;
	type DisputePeriod = DisputePeriod;
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

/// Node claims are for members: benchmarks make their claimants members.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_authorized_nodes::BenchmarkHelper<crate::AccountId> for MakeMember {
	fn make_member(who: &crate::AccountId) {
		Consortium::add_member_for_benchmarks(who);
	}
}
