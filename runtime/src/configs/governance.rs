//! The consortium governs itself: its member set, the members' council, Root
//! by a council supermajority, and the parameters the council may tune.
//!
//! | decision | origin |
//! | --- | --- |
//! | admit or reject an applicant, remove a member | 3/4 of the council |
//! | resolve a mission dispute, force-cancel a mission | 2/3 of the council |
//! | change a mission parameter (`parameters.set_parameter`, within bounds) | 2/3 of the council |
//! | anything as Root (runtime upgrade, `set_code`) via `consortium.dispatch_as_root` | 3/4 of the council |
//!
//! Changing who votes takes the same three quarters as acting as Root: were
//! admission or removal cheaper, a faction of two thirds could remove
//! opponents, or admit accounts it controls, until it held three quarters,
//! and then act as Root. The council never shrinks below [`MinMembers`]
//! (two), so no single member ever holds Root alone.
//!
//! There is no sudo key on any chain: Root is the council's three quarters.

use crate::{
	AccountId, Balance, BlockNumber, Missions, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, DAYS, UNIT,
};
use frame_support::{
	dynamic_params::{dynamic_pallet_params, dynamic_params},
	parameter_types,
	traits::{EitherOfDiverse, EnsureOriginWithArg},
	weights::Weight,
};
use frame_system::EnsureRoot;

/// The members' council.
pub type CouncilCollective = pallet_collective::Instance1;

/// Two thirds of the council, or Root.
pub type CouncilTwoThirds = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

/// Three quarters of the council: the bar for acting as Root.
pub type CouncilThreeQuarters =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 3, 4>;

/// Three quarters of the council, or Root: the bar for changing who votes.
pub type CouncilThreeQuartersOrRoot = EitherOfDiverse<EnsureRoot<AccountId>, CouncilThreeQuarters>;

/// The most members the consortium (and so the council) may have.
pub const MAX_MEMBERS: u32 = 100;

parameter_types! {
	/// A motion left open this long can be closed with the votes it has
	/// (absent members counting as the prime member votes, or "no").
	pub const MotionDuration: BlockNumber = 3 * DAYS;
	/// Most motions open at once.
	pub const MaxProposals: u32 = 100;
	/// Most council members.
	pub const CouncilMaxMembers: u32 = MAX_MEMBERS;
	/// A motion may use at most half a block.
	pub MaxProposalWeight: Weight =
		sp_runtime::Perbill::from_percent(50) * crate::configs::RuntimeBlockWeights::get().max_block;
	/// Held from an applicant until the council decides.
	pub const ApplicationDeposit: Balance = 100 * UNIT;
	/// Notice a member gives before it may retire.
	pub const NoticePeriod: BlockNumber = 7 * DAYS;
	/// The council must keep at least this many members: never one member
	/// alone holding Root.
	pub const MinMembers: u32 = 2;
	/// Most applications awaiting the council.
	pub const MaxApplications: u32 = 50;
	/// Longest member display name.
	pub const MaxNameLen: u32 = 64;
	/// Reputation points halve over about a quarter of a year.
	pub const ReputationHalfLife: BlockNumber = 90 * DAYS;
	/// At most 100 points from any one owner's missions (about three
	/// completed two-milestone missions): a score above it needs several.
	pub const MaxPointsPerOwner: u32 = 100;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	type MaxProposals = MaxProposals;
	type MaxMembers = CouncilMaxMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	/// The council's members are the consortium's: only the consortium pallet
	/// changes them. `set_members` is left to Root for recovery.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = CouncilTwoThirds;
	type KillOrigin = CouncilTwoThirds;
	type Consideration = ();
}

/// When a member leaves, its mission commitments are withdrawn or abandoned,
/// and it leaves the validator set (within the set's minimum).
pub struct MemberLeft;
impl pallet_consortium::OnMemberLeft<AccountId> for MemberLeft {
	fn on_member_left(who: &AccountId) -> Weight {
		Missions::member_left(who).saturating_add(crate::ValidatorSet::member_left(who))
	}
	fn max_weight() -> Weight {
		Missions::member_left_max_weight().saturating_add(crate::ValidatorSet::member_left_weight())
	}
}

/// What the council's bookkeeping weighs when the member set changes: its
/// measured `set_members` with a full council and every motion open (each
/// open motion's votes are rewritten).
pub struct CouncilMembershipChange;
impl frame_support::traits::Get<Weight> for CouncilMembershipChange {
	fn get() -> Weight {
		use pallet_collective::WeightInfo as _;
		crate::weights::pallet_collective::WeightInfo::<Runtime>::set_members(
			CouncilMaxMembers::get(),
			CouncilMaxMembers::get(),
			MaxProposals::get(),
		)
	}
}

impl pallet_consortium::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type AdmitOrigin = CouncilThreeQuartersOrRoot;
	type RemoveOrigin = CouncilThreeQuartersOrRoot;
	type RootOrigin = CouncilThreeQuarters;
	type Currency = crate::Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ApplicationDeposit = ApplicationDeposit;
	type MaxMembers = CouncilMaxMembers;
	type MinMembers = MinMembers;
	type MaxApplications = MaxApplications;
	type MaxNameLen = MaxNameLen;
	type NoticePeriod = NoticePeriod;
	type MembershipChanged = crate::Council;
	type OnMemberLeft = MemberLeft;
	type MembershipChangeWeight = CouncilMembershipChange;
	type WeightInfo = pallet_consortium::weights::SubstrateWeight<Runtime>;
}

impl pallet_reputation::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type HalfLife = ReputationHalfLife;
	type MaxPointsPerOwner = MaxPointsPerOwner;
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
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl Default for RuntimeParameters {
	fn default() -> Self {
		RuntimeParameters::Missions(dynamic_params::missions::Parameters::MissionDeposit(
			dynamic_params::missions::MissionDeposit,
			Some(UNIT),
		))
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
	/// The review period: from a day (owners need time to review) to ninety
	/// (escrow and bonds must not be locked without end).
	pub const REVIEW_PERIOD: core::ops::RangeInclusive<BlockNumber> = DAYS..=90 * DAYS;
}

/// Lets through every call but a parameter change out of its bounds and
/// `session.purgeKeys`, which goes through `validatorSet.purgeKeys` (a
/// validator may not drop its keys while in the set).
pub struct ParametersWithinBounds;
impl frame_support::traits::Contains<RuntimeCall> for ParametersWithinBounds {
	fn contains(call: &RuntimeCall) -> bool {
		use dynamic_params::missions::Parameters as P;
		use parameter_bounds::*;
		if matches!(call, RuntimeCall::Session(pallet_session::Call::purge_keys {})) {
			return false;
		}
		let RuntimeCall::Parameters(pallet_parameters::Call::set_parameter { key_value }) = call
		else {
			return true;
		};
		match key_value {
			RuntimeParameters::Missions(p) => match p {
				P::MissionDeposit(_, Some(v))
				| P::MinimumBudget(_, Some(v))
				| P::MinimumBond(_, Some(v)) => *v >= MIN_AMOUNT,
				P::ReviewPeriod(_, Some(v)) => REVIEW_PERIOD.contains(v),
				// Removing a value restores its default, which is in bounds.
				_ => true,
			},
		}
	}
}

/// Only two thirds of the council (or Root) may change a parameter.
pub struct ParameterAdmin;
impl EnsureOriginWithArg<RuntimeOrigin, RuntimeParametersKey> for ParameterAdmin {
	type Success = ();

	fn try_origin(
		origin: RuntimeOrigin,
		_key: &RuntimeParametersKey,
	) -> Result<Self::Success, RuntimeOrigin> {
		<CouncilTwoThirds as frame_support::traits::EnsureOrigin<RuntimeOrigin>>::try_origin(origin)
			.map(|_| ())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(_key: &RuntimeParametersKey) -> Result<RuntimeOrigin, ()> {
		<CouncilTwoThirds as frame_support::traits::EnsureOrigin<RuntimeOrigin>>::try_successful_origin()
	}
}

impl pallet_parameters::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeParameters = RuntimeParameters;
	type AdminOrigin = ParameterAdmin;
	type WeightInfo = crate::weights::pallet_parameters::WeightInfo<Runtime>;
}
