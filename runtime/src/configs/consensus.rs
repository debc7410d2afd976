//! Block production (Aura), finality (GRANDPA), the clock (Timestamp), and who
//! may take part: the validator set (sessions of consortium members' keys,
//! governed by the council), equivocation reports (the historical session
//! pallet proves key ownership; offences go to the validator set), and node
//! authorization (only well-known peer ids and their owners' connections
//! join the network; `pallet-authorized-nodes`, bounded, with deposits).

use crate::{
	configs::governance::{CouncilThreeQuarters, CouncilThreeQuartersOrRoot},
	opaque::SessionKeys,
	AccountId, Aura, Balance, Balances, BlockNumber, Consortium, Historical, Offences, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, Session, ValidatorSet, SLOT_DURATION, UNIT,
};
use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::ConvertInto;

/// The most authorities Aura and GRANDPA accept.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura checks that consecutive blocks are at least one slot apart.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = Session;
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

parameter_types! {
	/// How many blocks an equivocation report stays in the transaction pool: as
	/// long as the shortest sessions' validator roots are kept.
	pub const ReportLongevity: u64 =
		HISTORY_DEPTH_SESSIONS as u64 * MinSessionLength::get() as u64;
}

/// Sessions whose validator roots are kept for key-ownership proofs.
pub const HISTORY_DEPTH_SESSIONS: u32 = 84;

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<{ HISTORY_DEPTH_SESSIONS as u64 }>;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

/// The block author, from Aura's pre-digest: the reporter of equivocations.
impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ();
}

/// The validator set rotates sessions itself, with a measured weight.
pub struct SessionRotation;
impl pallet_validator_set::RotateSession for SessionRotation {
	fn rotate_session() {
		Session::rotate_session();
	}
}

/// Session keys as `pallet-session` keeps them, for the validator set.
pub struct SessionKeyRegistry;
impl pallet_validator_set::SessionKeys<AccountId> for SessionKeyRegistry {
	fn has_keys(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
	/// `session.purgeKeys` itself, called directly: the call filter refuses it
	/// when dispatched, so that it goes through the validator set's check.
	fn purge_keys(who: &AccountId) -> frame_support::dispatch::DispatchResult {
		pallet_session::Pallet::<Runtime>::purge_keys(RuntimeOrigin::signed(who.clone()))
	}
}

parameter_types! {
	/// Held while an account has session keys registered.
	pub const SessionKeyDeposit: crate::Balance = crate::UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = ValidatorSet;
	type NextSessionRotation = ValidatorSet;
	type SessionManager =
		pallet_session::historical::NoteHistoricalRoot<Self, ValidatorSetWithHistory>;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_validator_set::FullIdentificationOf;
}

/// The validator set as the historical session pallet's manager (a
/// validator's full identification is its account: Peer has no stake to
/// expose), forgetting validator roots older than [`HISTORY_DEPTH_SESSIONS`].
pub struct ValidatorSetWithHistory;
impl pallet_session::SessionManager<AccountId> for ValidatorSetWithHistory {
	fn new_session(new_index: u32) -> Option<alloc::vec::Vec<AccountId>> {
		<ValidatorSet as pallet_session::SessionManager<_>>::new_session(new_index)
	}
	fn new_session_genesis(new_index: u32) -> Option<alloc::vec::Vec<AccountId>> {
		<ValidatorSet as pallet_session::SessionManager<_>>::new_session_genesis(new_index)
	}
	fn start_session(start_index: u32) {
		<ValidatorSet as pallet_session::SessionManager<_>>::start_session(start_index);
		if let Some(oldest) = start_index.checked_sub(HISTORY_DEPTH_SESSIONS) {
			Historical::prune_up_to(oldest);
		}
	}
	fn end_session(end_index: u32) {
		<ValidatorSet as pallet_session::SessionManager<_>>::end_session(end_index)
	}
}
impl pallet_session::historical::SessionManager<AccountId, ()> for ValidatorSetWithHistory {
	fn new_session(new_index: u32) -> Option<alloc::vec::Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session(new_index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
	fn new_session_genesis(new_index: u32) -> Option<alloc::vec::Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(new_index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
	fn start_session(start_index: u32) {
		<Self as pallet_session::SessionManager<_>>::start_session(start_index)
	}
	fn end_session(end_index: u32) {
		<Self as pallet_session::SessionManager<_>>::end_session(end_index)
	}
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = ValidatorSet;
}

parameter_types! {
	/// The fewest validators a consortium chain keeps unless Root lowers it:
	/// GRANDPA tolerates f faults with 3f + 1 validators, so four survive one
	/// fault, and no faction below three quarters can shrink the set to one it
	/// runs. (A chain's genesis may name another minimum: the development
	/// chain's is its one validator.)
	pub const MinValidators: u32 = 4;
	/// As many as Aura and GRANDPA accept.
	pub const MaxValidators: u32 = 32;
	/// One minute: the shortest session the council may set.
	pub const MinSessionLength: BlockNumber = 10;
}

impl pallet_validator_set::Config for Runtime {
	// Who produces blocks takes the same majority as who votes.
	type AddRemoveOrigin = CouncilThreeQuartersOrRoot;
	type MinimumOrigin = frame_system::EnsureRoot<AccountId>;
	type Members = Consortium;
	type SessionKeys = SessionKeyRegistry;
	type Rotation = SessionRotation;
	type MinValidators = MinValidators;
	type MaxValidators = MaxValidators;
	type MinSessionLength = MinSessionLength;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::ValidatorCandidate;
}

parameter_types! {
	pub const MaxWellKnownNodes: u32 = 64;
	/// A libp2p peer id of an Ed25519 key is 38 bytes; room for other key types.
	pub const MaxPeerIdLength: u32 = 128;
	/// Most other nodes one node lets in (e.g. a member's own full nodes).
	pub const MaxConnections: u32 = 16;
	/// Held from a member for each node it claims.
	pub const NodeDeposit: Balance = 10 * UNIT;
	/// Held from a node's owner for each extra connection.
	pub const ConnectionDeposit: Balance = UNIT;
}

impl pallet_authorized_nodes::Config for Runtime {
	// Which nodes may join the network: the same majority as the validators.
	type AddOrigin = CouncilThreeQuartersOrRoot;
	type RemoveOrigin = CouncilThreeQuartersOrRoot;
	type SwapOrigin = CouncilThreeQuartersOrRoot;
	type ResetOrigin = CouncilThreeQuarters;
	type Members = Consortium;
	type Currency = Balances;
	type RuntimeHoldReason = crate::RuntimeHoldReason;
	type NodeDeposit = NodeDeposit;
	type ConnectionDeposit = ConnectionDeposit;
	type MaxWellKnownNodes = MaxWellKnownNodes;
	type MaxPeerIdLength = MaxPeerIdLength;
	type MaxConnections = MaxConnections;
	type WeightInfo = pallet_authorized_nodes::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MakeMember;
}

/// Unsigned transactions the runtime itself creates (GRANDPA equivocation
/// reports submitted by a node's offchain context).
impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type RuntimeCall = RuntimeCall;
	type Extrinsic = crate::UncheckedExtrinsic;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> crate::UncheckedExtrinsic {
		crate::UncheckedExtrinsic::new_bare(call)
	}
}
