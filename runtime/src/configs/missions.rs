//! Missions and their economics: escrowed rewards, commitments, deliverables
//! and payouts; the amounts and periods the council tunes by vote
//! (`parameters.set_parameter`, [`dynamic_params::missions`]) and the bounds
//! a vote must stay within ([`parameter_bounds`]).
//!
//! When a member leaves, its missions are settled by `member_left.rs`.

use super::governance::CouncilTwoThirds;
use crate::{
	Balance, Balances, BlockNumber, Consortium, Reputation, Runtime, RuntimeHoldReason, DAYS,
	HOURS, MINUTES, UNIT,
};
use dynamic_params::missions as params;
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	parameter_types,
	traits::ConstU32,
};

parameter_types! {
	/// Furthest deadline: a year.
	pub const MaxDuration: BlockNumber = 365 * DAYS;
	/// Time the roster has to dispute a rejection; a mission cannot be
	/// closed as expired while a rejection may still be disputed.
	pub const DisputePeriod: BlockNumber = 3 * DAYS;
}

impl pallet_missions::Config for Runtime {
	type Members = Consortium;
	type DisputeOrigin = CouncilTwoThirds;
	type ForceOrigin = CouncilTwoThirds;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = super::AssetKind;
	type NativeAsset = super::assets::NativeAsset;
	type Assets = super::MissionAssets;
	type AssetOrigin = CouncilTwoThirds;
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
	type MinWorkingTime = params::MinWorkingTime;
	type Reputation = Reputation;
	type OnSettled = Reputation;
	type WeightInfo = pallet_missions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MakeMember;
}

/// Parameters the council tunes by vote (`parameters.set_parameter`).
#[dynamic_params(RuntimeParameters, pallet_parameters::Parameters::<Runtime>)]
pub mod dynamic_params {
	use super::*;

	/// Missions' economics.
	#[dynamic_pallet_params]
	#[codec(index = 0)]
	pub mod missions {
		/// Held from a mission's owner for its storage while it lives.
		#[codec(index = 0)]
		pub static MissionDeposit: Balance = UNIT;
		/// The smallest budget a mission may escrow.
		#[codec(index = 1)]
		pub static MinimumBudget: Balance = UNIT;
		/// The smallest bond of any commitment.
		#[codec(index = 2)]
		pub static MinimumBond: Balance = 10 * crate::MILLI_UNIT;
		/// Blocks after an active mission's deadline during which the owner
		/// may still review.
		#[codec(index = 3)]
		pub static ReviewPeriod: BlockNumber = 7 * DAYS;
		/// The least time between the start of work and a mission's deadline.
		#[codec(index = 4)]
		pub static MinWorkingTime: BlockNumber = HOURS;
	}
}

/// The range each mission parameter may be set to. A vote outside it is
/// refused (`system.CallFiltered`); Root (three quarters) is not checked,
/// and the missions pallet never lets a bond or deposit fall below the
/// existential deposit whatever is stored.
pub mod parameter_bounds {
	use super::*;

	/// Money amounts: at least the existential deposit, so that releasing a
	/// deposit or bond to an empty account can never fail.
	pub const MIN_AMOUNT: Balance = crate::EXISTENTIAL_DEPOSIT;
	/// The mission deposit and the minimum bond: at most 1,000 PEER (a hundred times
	/// the mission deposit's default), so that a vote cannot price members out of
	/// posting or committing, nor make the fee for a turned-down commitment (the
	/// minimum bond) take a large bond whole.
	pub const MAX_DEPOSIT_OR_BOND: Balance = 1_000 * UNIT;
	/// The minimum budget: at most 1,000,000 PEER, so that a vote cannot stop
	/// every mission but the largest being posted.
	pub const MAX_MINIMUM_BUDGET: Balance = 1_000_000 * UNIT;
	/// The review period: from a day (owners need time to review) to ninety
	/// (escrow and bonds must not be locked without end).
	pub const REVIEW_PERIOD: core::ops::RangeInclusive<BlockNumber> = DAYS..=90 * DAYS;
	/// The minimum working time: from ten minutes to thirty days (below the
	/// shortest `MaxDuration` leaves room for, and short enough that a vote
	/// cannot stop every mission being posted).
	pub const MIN_WORKING_TIME: core::ops::RangeInclusive<BlockNumber> = 10 * MINUTES..=30 * DAYS;
}

/// Whether a parameter change stays within [`parameter_bounds`]. Removing a
/// value restores its default, which is in bounds.
pub fn within_bounds(key_value: &RuntimeParameters) -> bool {
	use dynamic_params::missions::Parameters as P;
	use parameter_bounds::*;
	match key_value {
		RuntimeParameters::Missions(p) => match p {
			P::MissionDeposit(_, Some(v)) | P::MinimumBond(_, Some(v)) => {
				(MIN_AMOUNT..=MAX_DEPOSIT_OR_BOND).contains(v)
			}
			P::MinimumBudget(_, Some(v)) => (MIN_AMOUNT..=MAX_MINIMUM_BUDGET).contains(v),
			P::ReviewPeriod(_, Some(v)) => REVIEW_PERIOD.contains(v),
			P::MinWorkingTime(_, Some(v)) => MIN_WORKING_TIME.contains(v),
			_ => true,
		},
	}
}
