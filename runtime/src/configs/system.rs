//! `frame_system`: block limits, account data and the chain's identity.

use crate::{
	weights::{self, BlockExecutionWeight, ExtrinsicBaseWeight},
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
/// kept for operational ones (a fifth of a block is still hundreds of council
/// votes).
pub const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(80);

/// Up to this share of a block's weight goes to `on_initialize` hooks.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);

/// One second of computation per block, half the 2 s slot: even if a full
/// block took all the time its weight claims, its author and the next author
/// (importing it) would both be done within the slot. The weights are
/// generated on this machine and a full block executes in well under half of
/// what they claim (docs/PERFORMANCE.md), so in practice a full block takes
/// about 0.4 s to author or import. PoV size is irrelevant on a solo chain.
pub const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX);

parameter_types! {
	/// Blocks whose hashes `System` keeps for `block_hash` (and the longest a
	/// transaction's mortality may be): four hours.
	pub const BlockHashCount: BlockNumber = 4 * crate::HOURS;
	/// The runtime's version, reported to the node.
	pub const Version: RuntimeVersion = VERSION;
	/// Block weight limits, by dispatch class, with the block and extrinsic
	/// overheads measured by `peer-node benchmark overhead`.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| {
			class.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |class| {
			class.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational calls may use the whole block, normal ones never
			// take this part of it.
			class.reserved =
				Some(MAXIMUM_BLOCK_WEIGHT.saturating_sub(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT));
		})
		.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
		.build_or_panic();
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
	/// Every call, but a mission parameter voted out of its bounds,
	/// `session.purgeKeys` and `identity.quitSub`.
	type BaseCallFilter = CallFilter;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB (see docs/OPERATORS.md: no RocksDB), so
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
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
}

/// Lets through every call but a mission parameter change out of its bounds
/// (`missions::within_bounds`), `session.purgeKeys`, which goes through
/// `validatorSet.purgeKeys` (a validator may not drop its keys while in the
/// set), and `identity.quitSub`.
///
/// `quitSub` repatriates the parent's sub deposit to the sub-account; when that
/// account holds nothing (a staff multisig never funded, say) the transfer fails,
/// pallet-identity ignores the failure and zeroes the deposit in `SubsOf`, and the
/// parent's deposit stays reserved with no record, for good. A filter does not know
/// who sends a call, so it cannot refuse only those: a sub-account leaves its firm
/// by asking the firm, whose directors remove it (`identity.removeSub`, the deposit
/// back to the firm).
pub struct CallFilter;
impl frame_support::traits::Contains<RuntimeCall> for CallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Session(pallet_session::Call::purge_keys {}) => false,
			RuntimeCall::Identity(pallet_identity::Call::quit_sub {}) => false,
			// Assets come from a council motion (`forceCreate`), never from one account.
			RuntimeCall::Assets(pallet_assets::Call::create { .. }) => false,
			RuntimeCall::Parameters(pallet_parameters::Call::set_parameter { key_value }) => {
				super::missions::within_bounds(key_value)
			}
			_ => true,
		}
	}
}
