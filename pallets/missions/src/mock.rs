//! A test runtime: System, Balances, Assets (with holds) and Missions, with a member set, a
//! reputation table and a settlement log the tests control.

use crate::{self as pallet_missions, MinimumBudgets, Settlement};
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU32, ConstU64, Contains,
	},
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::BuildStorage;
use std::collections::{BTreeMap, BTreeSet};

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
	pub type Missions = pallet_missions;
	#[runtime::pallet_index(3)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(4)]
	pub type AssetsHolder = pallet_assets_holder;
}

/// What a mission pays in.
pub type AssetKind = NativeOrWithId<u32>;
/// The native currency.
pub const NATIVE: AssetKind = NativeOrWithId::Native;
/// A sufficient asset with 6 decimals and a minimum balance of 10 units.
pub const USD: u32 = 1;
/// An insufficient asset with a minimum balance of 1,000: an account cannot hold it
/// without a native balance, and small parts are below its minimum.
pub const KRW: u32 = 2;
pub const USD_MIN: Balance = 10;
pub const KRW_MIN: Balance = 1_000;
/// Its issuer, admin and freezer.
pub const ISSUER: AccountId = 9;

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig as pallet_assets::DefaultConfig)]
impl pallet_assets::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Currency = Balances;
	type Holder = AssetsHolder;
	type AssetAccountDeposit = ConstU64<1>;
}

impl pallet_assets_holder::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}

/// The native currency and the assets as one `fungibles`.
pub type MissionAssets = UnionOf<Balances, AssetsHolder, NativeFromLeft, AssetKind, AccountId>;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// Above 1, so that a part can be too small for an empty account to receive.
pub const EXISTENTIAL_DEPOSIT: Balance = 2;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

thread_local! {
	static MEMBERS: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static REPUTATION: RefCell<BTreeMap<AccountId, u32>> = const { RefCell::new(BTreeMap::new()) };
}

/// What the pallet's hooks report (settlements, burned fees) is kept in
/// storage, not in thread-locals: a storage transaction the pallet rolls back
/// (`mission_actions` tries calls and undoes them) undoes the record too, as
/// it would in a runtime.
const SETTLED_KEY: &[u8] = b":test:missions:settled";
const BURNED_KEY: &[u8] = b":test:missions:burned";

/// The consortium of the tests.
pub struct TestMembers;
impl Contains<AccountId> for TestMembers {
	fn contains(who: &AccountId) -> bool {
		MEMBERS.with(|m| m.borrow().contains(who))
	}
}

/// Reputation scores the tests set.
pub struct TestReputation;
impl crate::ReputationOf<AccountId> for TestReputation {
	fn reputation_of(who: &AccountId) -> u32 {
		REPUTATION.with(|r| r.borrow().get(who).copied().unwrap_or(0))
	}
}

/// Records every settlement the pallet reports.
pub struct SettlementLog;
impl crate::OnSettled<AccountId, Balance> for SettlementLog {
	fn on_settled(mission: u32, _owner: &AccountId, who: &AccountId, outcome: Settlement<Balance>) {
		let mut all: Vec<(u32, AccountId, Settlement<Balance>)> =
			frame_support::storage::unhashed::get_or_default(SETTLED_KEY);
		all.push((mission, *who, outcome));
		frame_support::storage::unhashed::put(SETTLED_KEY, &all);
	}
}

pub fn set_reputation(who: AccountId, score: u32) {
	REPUTATION.with(|r| r.borrow_mut().insert(who, score));
}

pub fn settled() -> Vec<(u32, AccountId, Settlement<Balance>)> {
	frame_support::storage::unhashed::get_or_default(SETTLED_KEY)
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MakeMember;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, AssetKind, Balance> for MakeMember {
	fn make_member(who: &AccountId) {
		MEMBERS.with(|m| m.borrow_mut().insert(*who));
	}
	fn issue_asset(who: &AccountId, amount: Balance) -> Option<AssetKind> {
		use frame_support::traits::fungibles::Mutate;
		Assets::mint_into(USD, who, amount).expect("issued");
		Some(NativeOrWithId::WithId(USD))
	}
}

pub const DEPOSIT: Balance = 10;
pub const MIN_BUDGET: Balance = 100;
pub const MIN_BOND: Balance = 5;
pub const MAX_MILESTONES: u32 = 8;
pub const MAX_CONTRIBUTORS: u32 = 5;
pub const MAX_TITLE: u32 = 32;
pub const MAX_URI: u32 = 64;
pub const MAX_MISSIONS: u32 = 4;
pub const MAX_DURATION: u64 = 1_000;
pub const REVIEW_PERIOD: u64 = 10;
pub const DISPUTE_PERIOD: u64 = 5;
pub const MIN_WORKING_TIME: u64 = 5;

parameter_types! {
	pub const NativeAsset: AssetKind = NATIVE;
	pub const MinimumBudget: Balance = MIN_BUDGET;
	/// Storage items, so that tests can set them as a careless vote would.
	pub storage MissionDeposit: Balance = DEPOSIT;
	pub storage MinimumBond: Balance = MIN_BOND;
	/// A storage item, so that tests can change it under running missions.
	pub storage ReviewPeriod: u64 = REVIEW_PERIOD;
	pub storage MinWorkingTime: u64 = MIN_WORKING_TIME;
}

impl pallet_missions::Config for Test {
	type Members = TestMembers;
	type DisputeOrigin = EnsureRoot<AccountId>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AssetKind = AssetKind;
	type NativeAsset = NativeAsset;
	type Assets = MissionAssets;
	type AssetOrigin = EnsureRoot<AccountId>;
	type MissionDeposit = MissionDeposit;
	type MinimumBudget = MinimumBudget;
	type MinimumBond = MinimumBond;
	type RejectionFee = BurnAndCount;
	type MaxMilestones = ConstU32<MAX_MILESTONES>;
	type MaxContributors = ConstU32<MAX_CONTRIBUTORS>;
	type MaxTitleLen = ConstU32<MAX_TITLE>;
	type MaxUriLen = ConstU32<MAX_URI>;
	type MaxMissionsPerAccount = ConstU32<MAX_MISSIONS>;
	type MaxDuration = ConstU64<MAX_DURATION>;
	type ReviewPeriod = ReviewPeriod;
	type DisputePeriod = ConstU64<DISPUTE_PERIOD>;
	type MinWorkingTime = MinWorkingTime;
	type Reputation = TestReputation;
	type OnSettled = SettlementLog;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MakeMember;
}

/// Members 1 to 5; 6 and 7 are outsiders; everyone has `ENDOWMENT`.
pub const ENDOWMENT: Balance = 10_000;
/// What members 1 to 5 hold of each asset.
pub const ASSET_ENDOWMENT: Balance = 1_000_000_000;
pub const USD_MIN_BUDGET: Balance = 100;
pub const KRW_MIN_BUDGET: Balance = 1_000;
pub const OUTSIDER: AccountId = 6;

pub struct ExtBuilder {
	members: Vec<AccountId>,
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { members: vec![1, 2, 3, 4, 5], balances: (1..=10).map(|a| (a, ENDOWMENT)).collect() }
	}
}

impl ExtBuilder {
	pub fn balance(mut self, who: AccountId, amount: Balance) -> Self {
		self.balances.retain(|(a, _)| *a != who);
		self.balances.push((who, amount));
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		MEMBERS.with(|m| *m.borrow_mut() = self.members.iter().copied().collect());
		REPUTATION.with(|r| r.borrow_mut().clear());
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut t)
			.unwrap();
		// USD is sufficient, KRW is not; members 1 to 5 hold both.
		pallet_assets::GenesisConfig::<Test> {
			assets: vec![(USD, ISSUER, true, USD_MIN), (KRW, ISSUER, false, KRW_MIN)],
			metadata: vec![
				(USD, b"US Dollar".to_vec(), b"USD".to_vec(), 6),
				(KRW, b"Korean Won".to_vec(), b"KRW".to_vec(), 0),
			],
			accounts: (1..=5)
				.flat_map(|a| [(USD, a, ASSET_ENDOWMENT), (KRW, a, ASSET_ENDOWMENT)])
				.collect(),
			next_asset_id: None,
			reserves: vec![],
		}
		.assimilate_storage(&mut t)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(t);
		ext.execute_with(|| {
			System::set_block_number(1);
			// Missions may be paid in both; governance's minimum for each.
			MinimumBudgets::<Test>::insert(NativeOrWithId::WithId(USD), USD_MIN_BUDGET);
			MinimumBudgets::<Test>::insert(NativeOrWithId::WithId(KRW), KRW_MIN_BUDGET);
		});
		// Part of the state benchmarks start each run from.
		ext.commit_all().expect("committed");
		ext
	}

	/// Runs `test`, then checks the pallet's invariants and that no money was
	/// made or lost.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = Balances::total_issuance();
			let assets = [USD, KRW].map(Assets::total_supply);
			test();
			check_invariants(issuance);
			for (asset, supply) in [USD, KRW].into_iter().zip(assets) {
				// Only the issuer mints or burns, and no test of this pallet asks it to.
				if pallet_assets::Asset::<Test>::contains_key(asset) {
					assert_eq!(Assets::total_supply(asset), supply, "asset {asset} supply changed");
				}
			}
		})
	}
}

/// Everything burned as fees for turning down pending commitments.
pub fn burned_fees() -> Balance {
	frame_support::storage::unhashed::get_or_default(BURNED_KEY)
}

/// Burns the fees for turned-down pending commitments, counting them.
pub struct BurnAndCount;
impl
	frame_support::traits::OnUnbalanced<
		frame_support::traits::fungible::Credit<AccountId, Balances>,
	> for BurnAndCount
{
	fn on_nonzero_unbalanced(credit: frame_support::traits::fungible::Credit<AccountId, Balances>) {
		use frame_support::traits::Imbalance;
		let burned: Balance = frame_support::storage::unhashed::get_or_default(BURNED_KEY);
		frame_support::storage::unhashed::put(BURNED_KEY, &(burned + credit.peek()));
		drop(credit);
	}
}

/// The pallet's `try_state` and conservation of the total issuance: nothing
/// is made, and nothing is lost but the fees burned for turned-down
/// pending commitments.
pub fn check_invariants(issuance: Balance) {
	Missions::do_try_state().expect("invariants hold");
	let issuance = issuance - burned_fees();
	assert_eq!(Balances::total_issuance(), issuance, "total issuance changed");
	let sum: Balance =
		frame_system::Account::<Test>::iter().map(|(_, a)| a.data.free + a.data.reserved).sum();
	assert_eq!(sum, issuance, "balances do not add up to the issuance");
}

pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
