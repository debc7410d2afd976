//! Assets the consortium creates (a member bank's KRW or USD token, say),
//! the holds on them, and the one `fungibles` view of PEER and every asset
//! that missions escrow in.
//!
//! Who may do what:
//! - creating an asset takes a council motion of three quarters
//!   (`assets.forceCreate`, with `assets.forceSetMetadata` and
//!   `missions.setMinimumBudget` in the same `utility.batchAll`):
//!   `assets.create` is refused by the call filter, so no one account mints a
//!   money into the consortium alone. Three quarters, not two thirds, because
//!   the same origin may also `forceAssetStatus` (reassign an asset's issuer,
//!   admin and freezer, change its sufficiency) — as much power over a bank's
//!   token as over who produces blocks;
//! - the asset's owner (the bank) is its issuer, admin and freezer: it mints,
//!   burns free balances, freezes and blocks accounts, as a bank would. It
//!   cannot touch what missions hold: holds are not free balance, and an
//!   asset with holds cannot be destroyed;
//! - accepting an asset for missions (and its minimum budget) is
//!   `missions.setMinimumBudget`, two thirds, like the other mission
//!   parameters.

use super::{governance::CouncilThreeQuartersOrRoot, organizations::deposit};
use crate::{AccountId, AssetsHolder, Balance, Balances, Runtime, RuntimeEvent, RuntimeHoldReason};
use frame_support::{
	parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU32,
	},
};
use frame_system::EnsureSigned;

/// An asset's identifier.
pub type AssetId = u32;
/// What a mission is paid in: PEER or an asset.
pub type AssetKind = NativeOrWithId<AssetId>;
/// PEER and every asset as one `fungibles` with holds: missions' escrow.
pub type MissionAssets = UnionOf<Balances, AssetsHolder, NativeFromLeft, AssetKind, AccountId>;

parameter_types! {
	/// PEER, as an asset kind.
	pub const NativeAsset: AssetKind = NativeOrWithId::Native;
	/// An asset class: its details entry (about 200 bytes).
	pub const AssetDeposit: Balance = deposit(1, 200);
	/// An account's entry in an asset it was not sent (`assets.touch`).
	pub const AssetAccountDeposit: Balance = deposit(1, 18);
	/// An asset's metadata entry; each byte of name and symbol on top.
	pub const MetadataDepositBase: Balance = deposit(1, 68);
	pub const MetadataDepositPerByte: Balance = deposit(0, 1);
	/// An approval to spend.
	pub const ApprovalDeposit: Balance = deposit(1, 0);
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	/// Anyone signed passes the origin, but the call filter refuses `assets.create`:
	/// assets come only from a council motion (`forceCreate`). (The benchmarks call
	/// `create` directly and need a signed origin.)
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = CouncilThreeQuartersOrRoot;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = AssetsHolder;
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	type RemoveItemsLimit = ConstU32<1000>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_assets_holder::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}
