//! # Peer runtime
//!
//! The state transition function of the Peer consortium chain: Aura block
//! production, GRANDPA finality, balances in `PEER` (12 decimals) and the
//! consortium's own pallets. Each pallet's configuration lives in `configs/`,
//! the runtime APIs in `apis.rs` and the genesis presets in
//! `genesis_config_presets.rs`.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!`-style macros expand to deep recursion.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod migrations;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use configs::missions::{dynamic_params, RuntimeParameters, RuntimeParametersKey};
pub use configs::{AssetId, AssetKind};
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;
pub use sp_runtime::{Perbill, Permill};

/// Types the node needs without depending on the runtime's internals.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;

	impl_opaque_keys! {
		/// The session keys a validator registers: Aura for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: super::Aura,
			pub grandpa: super::Grandpa,
		}
	}
}

/// The runtime's identity. Bump `spec_version` with every change of logic and
/// `transaction_version` whenever a call's index or arguments change.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("peer"),
	impl_name: alloc::borrow::Cow::Borrowed("peer-node"),
	authoring_version: 1,
	spec_version: 104,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

mod block_times {
	/// Target time between two blocks. Aura's slot duration is the same. Two
	/// seconds, not the public chains' six: a consortium's few known validators
	/// gossip in milliseconds, so a payout is in a block within about a second
	/// and final within about two (docs/PERFORMANCE.md).
	pub const MILLI_SECS_PER_BLOCK: u64 = 2000;
	/// Aura's slot duration; changing it after genesis halts block production.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
}
pub use block_times::*;

/// Block counts for common spans of time, at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks in one hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks in one day.
pub const DAYS: BlockNumber = HOURS * 24;

/// One `PEER`: the token has 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a `PEER`.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a `PEER`.
pub const MICRO_UNIT: Balance = 1_000_000;
/// The token's symbol, as wallets show it.
pub const TOKEN_SYMBOL: &str = "PEER";
/// The token's decimals.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address prefix of Peer accounts (42: the generic Substrate prefix,
/// so that development keys keep their well-known addresses).
pub const SS58_PREFIX: u16 = 42;

/// An account must hold at least this much to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Signatures accepted on transactions.
pub type Signature = MultiSignature;
/// An account's identifier: the public key of its signer.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balances, in the smallest unit (10^-12 PEER).
pub type Balance = u128;
/// A transaction's index within its sender's sequence.
pub type Nonce = u32;
/// A block's hash.
pub type Hash = sp_core::H256;
/// A block's number.
pub type BlockNumber = u32;
/// How accounts are addressed in calls.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block that has been signed off by the block builder.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The checks every signed transaction passes before it dispatches.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as it travels: unchecked, with its signature and extensions.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a transaction's signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	migrations::Unreleased,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// The pallet *index* sets the order of genesis building and of block
	// hooks (`#[frame_support::runtime]` sorts by it), so the indices follow
	// the order that matters: balances before session keys (which take a
	// consumer reference on an existing account), the validator set before
	// the session pallet it feeds, and the session pallet before Aura and
	// GRANDPA, whose authorities it rotates. `tests::genesis::pallets_run_in_the_intended_order`
	// checks it.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(4)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(5)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(6)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(7)]
	pub type Historical = pallet_session::historical;

	#[runtime::pallet_index(8)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(9)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(10)]
	pub type Offences = pallet_offences;

	#[runtime::pallet_index(11)]
	pub type NodeAuthorization = pallet_authorized_nodes;

	#[runtime::pallet_index(12)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(13)]
	pub type Proxy = pallet_proxy;

	#[runtime::pallet_index(14)]
	pub type Multisig = pallet_multisig;

	#[runtime::pallet_index(15)]
	pub type Identity = pallet_identity;

	#[runtime::pallet_index(16)]
	pub type Assets = pallet_assets;

	#[runtime::pallet_index(17)]
	pub type AssetsHolder = pallet_assets_holder;

	#[runtime::pallet_index(20)]
	pub type Consortium = pallet_consortium;

	#[runtime::pallet_index(21)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(22)]
	pub type Parameters = pallet_parameters;

	#[runtime::pallet_index(30)]
	pub type Missions = pallet_missions;

	#[runtime::pallet_index(31)]
	pub type Reputation = pallet_reputation;
}
