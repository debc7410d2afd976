//! A test runtime with the validator set alone: membership and session keys
//! are lists the tests set.

use crate as pallet_validator_set;
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::Contains};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

pub type AccountId = u64;
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
	pub type ValidatorSet = pallet_validator_set;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	static MEMBERS: RefCell<Vec<AccountId>> = RefCell::new((1..=10).collect());
	static KEYED: RefCell<Vec<AccountId>> = RefCell::new((1..=8).collect());
	static ROTATIONS: RefCell<u32> = const { RefCell::new(0) };
}

/// Accounts 1..=10 are members unless a test says otherwise.
pub struct Members;
impl Contains<AccountId> for Members {
	fn contains(who: &AccountId) -> bool {
		MEMBERS.with(|m| m.borrow().contains(who))
	}
}
pub fn set_members(list: Vec<AccountId>) {
	MEMBERS.with(|m| *m.borrow_mut() = list);
}

/// Accounts 1..=8 have session keys unless a test says otherwise.
pub struct Keyed;
impl crate::SessionKeys<AccountId> for Keyed {
	fn has_keys(who: &AccountId) -> bool {
		KEYED.with(|k| k.borrow().contains(who))
	}
	fn purge_keys(who: &AccountId) -> frame_support::dispatch::DispatchResult {
		KEYED.with(|k| k.borrow_mut().retain(|a| a != who));
		Ok(())
	}
}

/// Rotates as `pallet_session` would, for what this pallet sees: plans the
/// next session and starts one.
pub struct Rotation;
impl crate::RotateSession for Rotation {
	fn rotate_session() {
		use pallet_session::SessionManager;
		let index = ROTATIONS.with(|r| {
			*r.borrow_mut() += 1;
			*r.borrow()
		});
		let _ = <ValidatorSet as SessionManager<AccountId>>::new_session(index + 1);
		<ValidatorSet as SessionManager<AccountId>>::start_session(index);
	}
}
/// How many sessions were rotated.
pub fn rotations() -> u32 {
	ROTATIONS.with(|r| *r.borrow())
}

parameter_types! {
	pub const MinValidators: u32 = 2;
	pub const MaxValidators: u32 = 5;
	pub const MinSessionLength: u64 = 5;
}

impl pallet_validator_set::Config for Test {
	type AddRemoveOrigin = EnsureRoot<AccountId>;
	type MinimumOrigin = EnsureRoot<AccountId>;
	type Members = Members;
	type SessionKeys = Keyed;
	type Rotation = Rotation;
	type MinValidators = MinValidators;
	type MaxValidators = MaxValidators;
	type MinSessionLength = MinSessionLength;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Candidates;
}

/// Makes benchmark candidates members with keys.
#[cfg(feature = "runtime-benchmarks")]
pub struct Candidates;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Candidates {
	fn candidate(who: &AccountId) {
		MEMBERS.with(|m| m.borrow_mut().push(*who));
		KEYED.with(|k| k.borrow_mut().push(*who));
	}
}

/// Validators 1, 2, 3; sessions of 10 blocks; at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		validators: vec![1, 2, 3],
		session_length: 10,
		min_validators: MinValidators::get(),
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then the pallet's invariants. The pallet holds no funds, so
/// there is no issuance to check.
pub fn build_and_execute(body: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		body();
		crate::Pallet::<Test>::do_try_state().expect("invariants hold");
	});
}
