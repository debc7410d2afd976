//! Organizations act through their people: proxies, multisig and identity.
//!
//! A firm's member account is a *pure proxy* (an address no key controls),
//! driven by its directors' multisig through an `Any` proxy. Staff hold
//! narrower proxies on it, so people come and go while the firm's address,
//! membership, escrow, bonds and reputation stay. The firm names itself, and
//! its staff as sub-identities, with `pallet-identity` (docs/MEMBERS.md, "A firm
//! on Peer").
//!
//! Every proxy type but `Any` is an **allow-list**: a call it does not name
//! is refused. `utility.batch`, `batchAll` and `forceBatch`, and a nested
//! `proxy.proxy` / `proxy.proxyAnnounced`, pass only if every call inside
//! passes, at any depth. Multisig calls pass only `Any`: a multisig dispatches
//! from its own account, out of reach of the proxy's filter, so allowing it
//! would let a narrow proxy approve the multisig's transfers.
//!
//! | type | may call |
//! | --- | --- |
//! | `Any` | everything |
//! | `NonTransfer` | what cannot move the account's money to anyone: remarks; identity (not `setSubs` / `addSub`, which hold a deposit for a sub-account, nor `requestJudgement`, which pays a registrar); node claims and connections (not `transferNode`); `Governance`'s calls; adding or removing weaker proxies; and the missions calls that neither stake nor pay (`withdrawCommitment`, `submitDeliverable`, `disputeMilestone`, `rejectCommitment`, `rejectMilestone`, `cancelMission`, `closeExpired`). Not `commit` or `signTerms`: a bond left undelivered is forfeited to the mission's owner, who could be the proxy; not `acceptCommitment` or `proposeTerms`: they put contributors on the account's own missions |
//! | `Governance` | `council.propose`, `vote`, `close`, `releaseProposalCost`; `consortium.apply`, `withdrawApplication` |
//! | `MissionContributor` | `missions.commit`, `withdrawCommitment`, `signTerms`, `submitDeliverable`, `disputeMilestone`, `abandon` |
//! | `MissionManager` | `MissionContributor`'s, and `missions.createMission`, `acceptCommitment`, `rejectCommitment`, `proposeTerms`, `approveMilestone`, `rejectMilestone`, `cancelMission`, `closeExpired` |
//!
//! Only `Any` ends or changes what the firm *is* on Peer: leaving the
//! consortium (`consortium.giveNotice`, `retire`: retiring abandons every active
//! mission, forfeits the firm's bonds and gives up delivered, unreviewed work)
//! and its validator's session keys (`session.setKeys`, `validatorSet.purgeKeys`:
//! the keys decide who authors and finalizes blocks in the firm's name). Both are
//! the directors' decisions, taken through their multisig's `Any` proxy, never a
//! clerk's.
//!
//! `is_superset`: `Any` covers every type, `MissionManager` covers
//! `MissionContributor`, `NonTransfer` covers `Governance`; nothing else
//! (`tests::organizations` checks each claim against the lists, call by call).
//! `pallet-proxy` refuses a proxy adding or removing a proxy its own type does
//! not cover, so no proxy creates a stronger one.

use crate::{
	configs::governance::CouncilTwoThirds, Balance, Balances, BlockNumber, Runtime, RuntimeCall,
	RuntimeEvent, Signature, System, DAYS, MILLI_UNIT,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{parameter_types, traits::InstanceFilter};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

/// What a user pays to store `items` storage entries of `bytes` bytes in all:
/// 0.1 PEER an entry and 0.001 PEER a byte, returned when the entry goes.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * 100 * MILLI_UNIT + bytes as Balance * MILLI_UNIT
}

/// What a proxy may do for the account that granted it.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Everything the account may do (the default, as `pallet-proxy` requires).
	#[default]
	#[codec(index = 0)]
	Any,
	/// Everything but paying anyone from the account.
	#[codec(index = 1)]
	NonTransfer,
	/// Council motions and votes, and the member's own consortium calls.
	#[codec(index = 2)]
	Governance,
	/// A contributor's part in missions: commit, sign, deliver, dispute, leave.
	#[codec(index = 3)]
	MissionContributor,
	/// A mission owner's part as well: post, choose the roster, review, pay.
	#[codec(index = 4)]
	MissionManager,
}

impl ProxyType {
	/// Every proxy type, for tests and documentation.
	pub const ALL: [ProxyType; 5] = [
		ProxyType::Any,
		ProxyType::NonTransfer,
		ProxyType::Governance,
		ProxyType::MissionContributor,
		ProxyType::MissionManager,
	];
}

/// The calls a `MissionContributor` proxy may make.
fn mission_contributor(call: &RuntimeCall) -> bool {
	use pallet_missions::Call as M;
	matches!(
		call,
		RuntimeCall::Missions(
			M::commit { .. }
				| M::withdraw_commitment { .. }
				| M::sign_terms { .. }
				| M::submit_deliverable { .. }
				| M::dispute_milestone { .. }
				| M::abandon { .. }
				| M::claim { .. }
				| M::agree_amendment { .. }
		)
	)
}

/// The calls a `MissionManager` proxy may make beyond a contributor's.
fn mission_manager(call: &RuntimeCall) -> bool {
	use pallet_missions::Call as M;
	mission_contributor(call)
		|| matches!(
			call,
			RuntimeCall::Missions(
				M::create_mission { .. }
					| M::accept_commitment { .. }
					| M::reject_commitment { .. }
					| M::propose_terms { .. }
					| M::approve_milestone { .. }
					| M::reject_milestone { .. }
					| M::cancel_mission { .. }
					| M::close_expired { .. }
					| M::increase_budget { .. }
					| M::add_milestone { .. }
					| M::extend_deadline { .. }
					| M::withdraw_amendment { .. }
			)
		)
}

/// The calls a `Governance` proxy may make.
fn governance(call: &RuntimeCall) -> bool {
	use pallet_collective::Call as C;
	use pallet_consortium::Call as K;
	matches!(
		call,
		RuntimeCall::Council(
			C::propose { .. } | C::vote { .. } | C::close { .. } | C::release_proposal_cost { .. },
		) | RuntimeCall::Consortium(K::apply { .. } | K::withdraw_application { .. })
	)
}

/// The calls a `NonTransfer` proxy may make: none that can move the
/// account's money to anyone (the module doc says why each missing one is
/// missing).
fn non_transfer(call: &RuntimeCall) -> bool {
	use pallet_authorized_nodes::Call as N;
	use pallet_identity::Call as I;
	use pallet_missions::Call as M;
	use pallet_proxy::Call as P;
	governance(call)
		|| matches!(
			call,
			RuntimeCall::System(
				frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. }
			) | RuntimeCall::Identity(
				I::set_identity { .. }
					| I::clear_identity { .. }
					| I::cancel_request { .. }
					| I::rename_sub { .. }
					| I::remove_sub { .. }
			) | RuntimeCall::NodeAuthorization(
				N::claim_node { .. }
					| N::remove_claim { .. }
					| N::add_connections { .. }
					| N::remove_connections { .. }
			) | RuntimeCall::Proxy(P::add_proxy { .. } | P::remove_proxy { .. })
				| RuntimeCall::Missions(
					M::withdraw_commitment { .. }
						| M::submit_deliverable { .. }
						| M::dispute_milestone { .. }
						| M::reject_commitment { .. }
						| M::reject_milestone { .. }
						| M::cancel_mission { .. }
						| M::close_expired { .. }
						| M::claim { .. } | M::agree_amendment { .. }
						| M::extend_deadline { .. }
						| M::withdraw_amendment { .. }
				)
		)
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		use pallet_utility::Call as U;
		match call {
			// Containers pass only what every call inside passes. Decoding
			// bounds their nesting, so this recursion is bounded too.
			RuntimeCall::Utility(
				U::batch { calls } | U::batch_all { calls } | U::force_batch { calls },
			) => calls.iter().all(|c| self.filter(c)),
			RuntimeCall::Proxy(
				pallet_proxy::Call::proxy { call, .. }
				| pallet_proxy::Call::proxy_announced { call, .. },
			) => self.filter(call),
			_ => match self {
				ProxyType::Any => true,
				ProxyType::NonTransfer => non_transfer(call),
				ProxyType::Governance => governance(call),
				ProxyType::MissionContributor => mission_contributor(call),
				ProxyType::MissionManager => mission_manager(call),
			},
		}
	}

	fn is_superset(&self, o: &Self) -> bool {
		use ProxyType::*;
		match (self, o) {
			(x, y) if x == y => true,
			(Any, _) => true,
			(MissionManager, MissionContributor) => true,
			(NonTransfer, Governance) => true,
			_ => false,
		}
	}
}

parameter_types! {
	/// A proxy list's storage entry.
	pub const ProxyDepositBase: Balance = deposit(1, 8);
	/// Each proxy in the list: account (32), type (1), delay (4).
	pub const ProxyDepositFactor: Balance = deposit(0, 37);
	/// An announcement list's storage entry.
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	/// Each announcement: account (32), call hash (32), block (4).
	pub const AnnouncementDepositFactor: Balance = deposit(0, 68);
	/// A multisig operation in progress: its entry and the call's timepoint
	/// and approvals.
	pub const MultisigDepositBase: Balance = deposit(1, 88);
	/// Each signatory of a multisig operation.
	pub const MultisigDepositFactor: Balance = deposit(0, 32);
	/// An identity's storage entry.
	pub const BasicDeposit: Balance = deposit(1, 17);
	/// Each byte of an identity's information.
	pub const ByteDeposit: Balance = deposit(0, 1);
	/// A username's storage.
	pub const UsernameDeposit: Balance = deposit(0, 32);
	/// Each sub-identity (a staff account named under its firm).
	pub const SubAccountDeposit: Balance = deposit(1, 53);
	/// A username authority's unconfirmed username lapses after this.
	pub const PendingUsernameExpiration: BlockNumber = 7 * DAYS;
	/// A removed username is kept this long before it may be taken again.
	pub const UsernameGracePeriod: BlockNumber = 30 * DAYS;
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	/// A firm's directors' multisig, a few managers and its staff.
	type MaxProxies = frame_support::traits::ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = frame_support::traits::ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	/// A board of directors, generously counted.
	type MaxSignatories = frame_support::traits::ConstU32<20>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}

impl pallet_identity::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BasicDeposit = BasicDeposit;
	type ByteDeposit = ByteDeposit;
	type UsernameDeposit = UsernameDeposit;
	type SubAccountDeposit = SubAccountDeposit;
	/// A firm names this many staff accounts under it.
	type MaxSubAccounts = frame_support::traits::ConstU32<100>;
	/// Display name, legal name or legal entity id (as a hash, `legal`), web
	/// site, e-mail and a few more fields.
	type IdentityInformation =
		pallet_identity::legacy::IdentityInfo<frame_support::traits::ConstU32<8>>;
	/// Registrars (who verify identities) are few and chosen by the council.
	type MaxRegistrars = frame_support::traits::ConstU32<10>;
	/// Deposits slashed by the council (`killIdentity`) are burned.
	type Slashed = ();
	type ForceOrigin = CouncilTwoThirds;
	type RegistrarOrigin = CouncilTwoThirds;
	type OffchainSignature = Signature;
	type SigningPublicKey = <Signature as sp_runtime::traits::Verify>::Signer;
	type UsernameAuthorityOrigin = CouncilTwoThirds;
	type PendingUsernameExpiration = PendingUsernameExpiration;
	type UsernameGracePeriod = UsernameGracePeriod;
	type MaxSuffixLength = frame_support::traits::ConstU32<7>;
	type MaxUsernameLength = frame_support::traits::ConstU32<32>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type WeightInfo = crate::weights::pallet_identity::WeightInfo<Runtime>;
}
