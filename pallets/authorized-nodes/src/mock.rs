//! A test runtime: System, Balances and the pallet, with a member set.

use crate as pallet_authorized_nodes;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, Contains},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;
use std::collections::BTreeSet;

pub type AccountId = u64;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

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
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Nodes = pallet_authorized_nodes;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

thread_local! {
	static MEMBERS: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
}

/// Accounts 1 to 5 are members.
pub struct TestMembers;
impl Contains<AccountId> for TestMembers {
	fn contains(who: &AccountId) -> bool {
		MEMBERS.with(|m| m.borrow().contains(who))
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for TestMembers {
	fn make_member(who: &AccountId) {
		MEMBERS.with(|m| m.borrow_mut().insert(*who));
	}
}

pub const NODE_DEPOSIT: Balance = 50;
pub const CONNECTION_DEPOSIT: Balance = 5;
pub const MAX_NODES: u32 = 4;
pub const MAX_PEER_ID: u32 = 8;
pub const MAX_CONNECTIONS: u32 = 3;
pub const ENDOWMENT: Balance = 1_000;

parameter_types! {
	pub const NodeDeposit: Balance = NODE_DEPOSIT;
	pub const ConnectionDeposit: Balance = CONNECTION_DEPOSIT;
}

impl pallet_authorized_nodes::Config for Test {
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type Members = TestMembers;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type NodeDeposit = NodeDeposit;
	type ConnectionDeposit = ConnectionDeposit;
	type MaxWellKnownNodes = ConstU32<MAX_NODES>;
	type MaxPeerIdLength = ConstU32<MAX_PEER_ID>;
	type MaxConnections = ConstU32<MAX_CONNECTIONS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestMembers;
}

/// Members 1 to 5, everyone 1 to 10 funded; node `[1]` well-known, owned by 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MEMBERS.with(|m| *m.borrow_mut() = (1..=5).collect());
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=10).map(|a| (a, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_authorized_nodes::GenesisConfig::<Test> {
		nodes: vec![(sp_core::OpaquePeerId(vec![1]), 1)],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then the pallet's invariants and the conservation of money.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		test();
		Nodes::do_try_state().expect("invariants hold");
		assert_eq!(Balances::total_issuance(), issuance, "total issuance changed");
		let sum: u64 =
			frame_system::Account::<Test>::iter().map(|(_, a)| a.data.free + a.data.reserved).sum();
		assert_eq!(sum, issuance, "balances do not add up to the issuance");
	});
}
