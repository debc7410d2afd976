//! A test runtime with Balances and the consortium; the council is a
//! recorder of membership changes, the leave hook a recorder of leavers.

use crate::{self as pallet_consortium, MemberKind};
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::ChangeMembers, weights::Weight};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

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
	pub type Consortium = pallet_consortium;
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
	static COUNCIL: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
	static LEFT: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// Stands in for the council: keeps the member list it is handed.
pub struct Council;
impl ChangeMembers<AccountId> for Council {
	fn change_members_sorted(_: &[AccountId], _: &[AccountId], new: &[AccountId]) {
		COUNCIL.with(|c| *c.borrow_mut() = new.to_vec());
	}
}
impl frame_support::traits::InitializeMembers<AccountId> for Council {
	fn initialize_members(members: &[AccountId]) {
		COUNCIL.with(|c| *c.borrow_mut() = members.to_vec());
	}
}

pub fn council() -> Vec<AccountId> {
	COUNCIL.with(|c| c.borrow().clone())
}

/// Records who left.
pub struct LeaveLog;
impl crate::OnMemberLeft<AccountId> for LeaveLog {
	fn on_member_left(who: &AccountId) -> Weight {
		LEFT.with(|l| l.borrow_mut().push(*who));
		Weight::from_parts(7, 0)
	}
	fn max_weight() -> Weight {
		Weight::from_parts(7, 0)
	}
}

pub fn left() -> Vec<AccountId> {
	LEFT.with(|l| l.borrow().clone())
}

pub const DEPOSIT: Balance = 100;
pub const NOTICE: u64 = 20;
pub const MAX_MEMBERS: u32 = 5;
pub const MAX_APPLICATIONS: u32 = 3;

parameter_types! {
	pub const ApplicationDeposit: Balance = DEPOSIT;
	pub const NoticePeriod: u64 = NOTICE;
	pub const MaxMembers: u32 = MAX_MEMBERS;
	pub const MinMembers: u32 = 1;
	pub const MaxApplications: u32 = MAX_APPLICATIONS;
	pub const MaxNameLen: u32 = 16;
}

impl pallet_consortium::Config for Test {
	type RuntimeCall = RuntimeCall;
	type AdmitOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type RootOrigin = frame_system::EnsureSignedBy<Supermajority, AccountId>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ApplicationDeposit = ApplicationDeposit;
	type MaxMembers = MaxMembers;
	type MinMembers = MinMembers;
	type MaxApplications = MaxApplications;
	type MaxNameLen = MaxNameLen;
	type NoticePeriod = NoticePeriod;
	type MembershipChanged = Council;
	type OnMemberLeft = LeaveLog;
	type MembershipChangeWeight = ();
	type WeightInfo = ();
}

/// In the tests, account 99 stands for "a council supermajority".
pub const SUPERMAJORITY: AccountId = 99;
pub struct Supermajority;
impl frame_support::traits::SortedMembers<AccountId> for Supermajority {
	fn sorted_members() -> Vec<AccountId> {
		vec![SUPERMAJORITY]
	}
}

pub const ENDOWMENT: Balance = 1_000;

/// Founders 1 and 2; accounts 3 to 9 hold `ENDOWMENT`, 10 holds 50.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> = (1..=9).map(|a| (a, ENDOWMENT)).collect();
	balances.push((10, 50));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	pallet_consortium::GenesisConfig::<Test> {
		members: vec![
			(2, b"Beta Ltd".to_vec(), MemberKind::Organization),
			(1, b"Alpha GmbH".to_vec(), MemberKind::Organization),
		],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		LEFT.with(|l| l.borrow_mut().clear());
	});
	ext
}

/// Runs `test`, then the pallet's invariants and the conservation of money:
/// the total issuance falls by exactly the deposits burned for rejected
/// applications, and the accounts' balances add up to it.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		test();
		Consortium::do_try_state().expect("invariants hold");
		let burned: Balance = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Consortium(crate::Event::ApplicationRejected { burned, .. }) => {
					Some(burned)
				}
				_ => None,
			})
			.sum();
		assert_eq!(Balances::total_issuance(), issuance - burned, "total issuance changed");
		let sum: Balance =
			frame_system::Account::<Test>::iter().map(|(_, a)| a.data.free + a.data.reserved).sum();
		assert_eq!(sum, issuance - burned, "balances do not add up to the issuance");
	})
}
