//! Every pallet's `Config`, one file per concern. The pallets and their
//! indices are declared in `lib.rs` (`#[frame_support::runtime]`); an index
//! is part of every encoded call and storage key, so it never changes.
//!
//! | index | pallet | crate | configured in |
//! | --- | --- | --- | --- |
//! | 0 | `System` | `frame_system` | `system.rs` (and the call filter) |
//! | 1 | `Timestamp` | `pallet_timestamp` | `consensus.rs` |
//! | 2 | `Balances` | `pallet_balances` | `monetary.rs` |
//! | 3 | `TransactionPayment` | `pallet_transaction_payment` | `monetary.rs` |
//! | 4 | `Authorship` | `pallet_authorship` | `consensus.rs` |
//! | 5 | `ValidatorSet` | `pallet_validator_set` | `consensus.rs` |
//! | 6 | `Session` | `pallet_session` | `consensus.rs` |
//! | 7 | `Historical` | `pallet_session::historical` | `consensus.rs` |
//! | 8 | `Aura` | `pallet_aura` | `consensus.rs` |
//! | 9 | `Grandpa` | `pallet_grandpa` | `consensus.rs` |
//! | 10 | `Offences` | `pallet_offences` | `consensus.rs` |
//! | 11 | `NodeAuthorization` | `pallet_authorized_nodes` | `consensus.rs` |
//! | 12 | `Utility` | `pallet_utility` | `utility.rs` |
//! | 13 | `Proxy` | `pallet_proxy` | `organizations.rs` |
//! | 14 | `Multisig` | `pallet_multisig` | `organizations.rs` |
//! | 15 | `Identity` | `pallet_identity` | `organizations.rs` |
//! | 16 | `Assets` | `pallet_assets` | `assets.rs` |
//! | 17 | `AssetsHolder` | `pallet_assets_holder` | `assets.rs` |
//! | 20 | `Consortium` | `pallet_consortium` | `governance.rs` |
//! | 21 | `Council` | `pallet_collective` (`Instance1`) | `governance.rs` |
//! | 22 | `Parameters` | `pallet_parameters` | `governance.rs` (who may vote); the values and their bounds in `missions.rs` |
//! | 30 | `Missions` | `pallet_missions` | `missions.rs` |
//! | 31 | `Reputation` | `pallet_reputation` | `reputation.rs` |
//!
//! Between pallets: `member_left.rs` (a member leaves: its missions are
//! settled and it leaves the validator set). Benchmark helpers (what the
//! pallets' benchmarks ask of the runtime) are in `../benchmarks.rs`.

pub mod assets;
mod consensus;
pub mod governance;
pub mod member_left;
pub mod missions;
mod monetary;
pub mod organizations;
mod reputation;
mod system;
mod utility;

pub use assets::{AssetId, AssetKind, MissionAssets};
pub use monetary::*;
pub use system::*;
