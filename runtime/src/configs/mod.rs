//! Every pallet's `Config`, split by domain.

mod consensus;
mod missions;
mod monetary;
mod system;
mod utility;

pub use monetary::*;
pub use system::*;
