//! `frame_system`: block limits, account data and the chain's identity.

use crate::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SS58_PREFIX, VERSION,
};
use frame_support::dispatch::DispatchClass;
use frame_support::{
	derive_impl, parameter_types,
	traits::ConstU32,
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

/// Normal (user) transactions may fill this share of a block; the rest is
/// kept for operational ones.
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of computation per block, a third of the 6 s block time; PoV
/// size is irrelevant on a solo chain.
pub const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), u64::MAX);

parameter_types! {
	/// Blocks whose hashes `System` keeps for `block_hash`.
	pub const BlockHashCount: BlockNumber = 2400;
	/// The runtime's version, reported to the node.
	pub const Version: RuntimeVersion = VERSION;
	/// Block weight limits, by dispatch class.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		MAXIMUM_BLOCK_WEIGHT,
		NORMAL_DISPATCH_RATIO,
	);
	/// Block length limits: 5 MiB, of which normal transactions get their share.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO * *m
		})
		.build();
	/// The prefix of Peer addresses.
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB (see the README: no RocksDB), so
	/// storage access is weighed with ParityDB's figures.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeTask = RuntimeTask;
	type PalletInfo = PalletInfo;
	type OnSetCode = ();
}
