//! The consortium governs itself: its member set, the members' council, Root
//! by a council supermajority, and who may change the parameters (their
//! values and bounds are the missions' economics, in `missions.rs`).
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
//!
//! An open motion holds a deposit from its proposer ([`MotionDeposit`]: 10 PEER,
//! and 5 PEER more for each motion already open), so the council's 100 motion
//! slots cannot be filled for fees alone: filling them all would hold 25,750 PEER.
//! Once the motion is closed or disapproved, anyone may release the deposit to
//! its proposer (`council.releaseProposalCost`); a motion the council kills
//! (`council.kill`, two thirds) loses it.

use super::{
	member_left::MemberLeft,
	missions::{RuntimeParameters, RuntimeParametersKey},
};
use crate::{
	AccountId, Balance, BlockNumber, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason,
	RuntimeOrigin, DAYS, UNIT,
};
use frame_support::{
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
	/// What the first open motion holds from its proposer.
	pub const MotionDepositBase: Balance = 10 * UNIT;
	/// What each motion already open adds to the next one's deposit.
	pub const MotionDepositPerOpen: Balance = 5 * UNIT;
	/// The hold a motion's deposit is under.
	pub const MotionHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Council(pallet_collective::HoldReason::ProposalSubmission);
}

/// A motion's deposit when `open` motions are already open: [`MotionDepositBase`] and
/// [`MotionDepositPerOpen`] for each of them. Honest business (a few motions at a time)
/// holds tens of PEER, returned after the vote; one member filling all
/// [`MaxProposals`] slots to block a vote (its own removal, say) would hold
/// `100 × 10 + 5 × (0 + 1 + … + 99)` = 25,750 PEER.
pub struct MotionDeposit;
impl sp_runtime::traits::Convert<u32, Balance> for MotionDeposit {
	fn convert(open: u32) -> Balance {
		MotionDepositPerOpen::get()
			.saturating_mul(open.into())
			.saturating_add(MotionDepositBase::get())
	}
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
	type Consideration = frame_support::traits::fungible::HoldConsideration<
		AccountId,
		crate::Balances,
		MotionHoldReason,
		MotionDeposit,
		u32,
	>;
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
