//! A runtime with the reputation pallet alone; the missions pallet's reports
//! are played by calling `OnSettled` directly.

use crate::{self as pallet_reputation};
use frame_support::{derive_impl, parameter_types};
use sp_runtime::BuildStorage;

pub type Block = frame_system::mocking::MockBlock<Test>;

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
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Reputation = pallet_reputation;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	pub const HalfLife: u64 = 100;
	pub const MaxPointsPerOwner: u32 = 1_000;
}

impl pallet_reputation::Config for Test {
	type Balance = u64;
	type HalfLife = HalfLife;
	type MaxPointsPerOwner = MaxPointsPerOwner;
	type Recorded = NotAnOutsider;
}

/// Every account keeps a record but [`OUTSIDER`].
pub struct NotAnOutsider;
impl frame_support::traits::Contains<u64> for NotAnOutsider {
	fn contains(who: &u64) -> bool {
		*who != OUTSIDER
	}
}

/// An account outside the consortium.
pub const OUTSIDER: u64 = 66;

/// At block 1, nobody has a record.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then the pallet's invariants. The pallet holds no funds, so
/// there is no issuance to check.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Reputation::do_try_state().expect("invariants hold");
	})
}
