//! Every pallet's `Config`, split by domain.

mod consensus;
pub mod governance;
mod missions;
mod monetary;
pub mod organizations;
mod system;
mod utility;

pub use monetary::*;
pub use system::*;
