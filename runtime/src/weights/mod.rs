//! Weights of the FRAME pallets the runtime uses, and the block and
//! extrinsic overheads, all generated on this machine by
//! `scripts/update-weights.sh` (`peer-node benchmark pallet` and
//! `peer-node benchmark overhead`); never edited by hand. Our own pallets keep
//! their weights in their crates. Storage is priced with the runtime's
//! `DbWeight`, ParityDB's.
//!
//! Not benchmarked here, and why: `pallet_session` (its benchmarks need a
//! staking pallet; its upstream weights are used) and `pallet_grandpa` (only
//! equivocation reports, which pay no fee).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_assets;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_identity;
pub mod pallet_multisig;
pub mod pallet_parameters;
pub mod pallet_proxy;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
