//! Missions paid in assets other than the native currency: exact payouts in
//! a 6-decimal asset, one asset never moving another, and every way an asset
//! could fail to deliver a payout, each shown not to freeze the mission and
//! not to lose the money. The issuer's powers over its asset end at the
//! escrow: it cannot burn, move or destroy what a mission holds.

use super::*;
use frame_support::traits::fungibles::{Inspect as _, InspectHold as _};

const US: AssetKind = NativeOrWithId::WithId(USD);
const WON: AssetKind = NativeOrWithId::WithId(KRW);

fn asset_balance(id: u32, who: AccountId) -> Balance {
	Assets::balance(id, who)
}

fn escrow_held(asset: AssetKind, who: AccountId) -> Balance {
	MissionAssets::balance_on_hold(asset, &HoldReason::MissionEscrow.into(), &who)
}

fn create_in(asset: AssetKind, amounts: &[Balance]) -> MissionId {
	create_in_with(OWNER, asset, amounts, Default::default())
}

/// A mission in `asset`, open to non-members, active with `roster`.
fn active_in(asset: AssetKind, amounts: &[Balance], roster: &[(AccountId, u32)]) -> MissionId {
	let open = MissionOptions { open_to_non_members: true, ..Default::default() };
	let id = create_in_with(OWNER, asset, amounts, open);
	recruit(id, roster);
	let terms = propose(id);
	for (who, _) in roster {
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(*who), id, terms));
	}
	id
}

fn approve(id: MissionId, milestone: u32) {
	assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, milestone));
}

fn issuer() -> RuntimeOrigin {
	RuntimeOrigin::signed(ISSUER)
}

#[test]
fn a_mission_in_a_six_decimal_asset_pays_to_the_unit() {
	ExtBuilder::default().build_and_execute(|| {
		let native_before: Vec<Balance> = (1..=4).map(free).collect();
		let usd_before: Vec<Balance> = (1..=4).map(|a| asset_balance(USD, a)).collect();
		let krw_before: Vec<Balance> = (1..=4).map(|a| asset_balance(KRW, a)).collect();
		// 1.000001 USD and 2.5 USD.
		let id = active_in(US, &[1_000_001, 2_500_000], &[(2, 34), (3, 33), (4, 33)]);
		assert!(has_event(Event::MissionCreated {
			mission: id,
			owner: OWNER,
			asset: US,
			budget: 3_500_001,
			deadline: DEADLINE
		}));
		assert_eq!(escrow_held(US, OWNER), 3_500_001);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 0, "no native escrow");
		assert_eq!(held(HoldReason::MissionDeposit, OWNER), DEPOSIT, "the deposit is native");

		deliver(id, 2, 0);
		approve(id, 0);
		// Floor per share, the remainder (1 unit) to the first.
		for (who, part) in [(2, 340_001), (3, 330_000), (4, 330_000)] {
			assert!(has_event(Event::RewardPaid {
				mission: id,
				milestone: 0,
				who,
				asset: US,
				amount: part
			}));
		}
		assert!(settled().contains(&(
			id,
			2,
			Settlement::MilestonePaid {
				milestone: 0,
				amount: 340_001,
				first_try: true,
				native: false
			}
		)));
		deliver(id, 3, 1);
		approve(id, 1);
		assert!(!LiveMissions::<Test>::contains_key(id), "completed");
		let usd: Vec<Balance> = (1..=4).map(|a| asset_balance(USD, a)).collect();
		assert_eq!(
			usd,
			vec![
				usd_before[0] - 3_500_001,
				usd_before[1] + 340_001 + 850_000,
				usd_before[2] + 330_000 + 825_000,
				usd_before[3] + 330_000 + 825_000,
			]
		);
		// Nothing moved in any other asset: the native deposit and bonds came back.
		assert_eq!((1..=4).map(free).collect::<Vec<_>>(), native_before);
		assert_eq!((1..=4).map(|a| asset_balance(KRW, a)).collect::<Vec<_>>(), krw_before);
		assert_eq!(escrow_held(US, OWNER), 0);
	});
}

#[test]
fn escrow_is_held_apart_in_each_asset() {
	ExtBuilder::default().build_and_execute(|| {
		let a = create_in(US, &[1_000_000, 500_000]);
		let b = create_in(WON, &[20_000]);
		let c = create(&[300]);
		assert_eq!(
			(escrow_held(US, OWNER), escrow_held(WON, OWNER), escrow_held(NATIVE, OWNER)),
			(1_500_000, 20_000, 300)
		);
		assert_eq!(held(HoldReason::MissionDeposit, OWNER), 3 * DEPOSIT);
		// Calling one off returns its asset only.
		let krw = asset_balance(KRW, OWNER);
		let usd = asset_balance(USD, OWNER);
		assert_ok!(Missions::cancel_mission(RuntimeOrigin::signed(OWNER), b));
		assert_eq!(asset_balance(KRW, OWNER), krw + 20_000);
		assert_eq!(asset_balance(USD, OWNER), usd);
		assert!(has_event(Event::Refunded {
			mission: b,
			owner: OWNER,
			asset: WON,
			amount: 20_000
		}));
		assert_eq!((escrow_held(US, OWNER), escrow_held(NATIVE, OWNER)), (1_500_000, 300));
		let _ = (a, c);
	});
}

#[test]
fn missions_are_paid_only_in_assets_governance_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let make = |asset: AssetKind, amount: Balance| {
			Missions::create_mission(
				RuntimeOrigin::signed(OWNER),
				b"t".to_vec(),
				hash(1),
				None,
				asset,
				vec![spec(amount)],
				50,
				Default::default(),
			)
		};
		// No such asset, and an asset governance never accepted.
		assert_noop!(make(NativeOrWithId::WithId(77), 1_000_000), Error::<Test>::AssetNotAccepted);
		assert_ok!(Assets::force_create(RuntimeOrigin::root(), 3, ISSUER, true, 1));
		assert_ok!(Assets::mint(issuer(), 3, OWNER, 1_000_000));
		assert_noop!(make(NativeOrWithId::WithId(3), 1_000_000), Error::<Test>::AssetNotAccepted);
		// Each asset has its own minimum.
		assert_noop!(make(US, USD_MIN_BUDGET - 1), Error::<Test>::BudgetTooLow);
		assert_noop!(make(WON, KRW_MIN_BUDGET - 1), Error::<Test>::BudgetTooLow);
		// Enough of the asset, or nothing is held.
		assert_noop!(make(US, ASSET_ENDOWMENT + 1), Error::<Test>::InsufficientBalance);
		// Governance withdraws an asset: no new missions; a live one goes on.
		let live = create_in(US, &[USD_MIN_BUDGET]);
		assert_ok!(Missions::set_minimum_budget(RuntimeOrigin::root(), US, None));
		assert!(has_event(Event::MinimumBudgetSet { asset: US, minimum: None }));
		assert_noop!(make(US, USD_MIN_BUDGET), Error::<Test>::AssetNotAccepted);
		assert_ok!(Missions::cancel_mission(RuntimeOrigin::signed(OWNER), live));
	});
}

#[test]
fn set_minimum_budget_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let root = RuntimeOrigin::root;
		assert_noop!(
			Missions::set_minimum_budget(root(), NATIVE, Some(5)),
			Error::<Test>::NativeMinimumIsAParameter
		);
		assert_noop!(
			Missions::set_minimum_budget(root(), NativeOrWithId::WithId(77), Some(5)),
			Error::<Test>::AssetNotAccepted
		);
		assert_noop!(
			Missions::set_minimum_budget(root(), WON, Some(KRW_MIN - 1)),
			Error::<Test>::MinimumBelowAssetMinimum
		);
		assert_noop!(
			Missions::set_minimum_budget(root(), WON, Some(0)),
			Error::<Test>::MinimumBelowAssetMinimum
		);
		assert_noop!(
			Missions::set_minimum_budget(RuntimeOrigin::signed(ISSUER), WON, Some(KRW_MIN)),
			DispatchError::BadOrigin
		);
		assert_ok!(Missions::set_minimum_budget(root(), WON, Some(KRW_MIN)));
		assert_eq!(MinimumBudgets::<Test>::get(WON), Some(KRW_MIN));
	});
}

/// A part below the asset's minimum, for an account that holds none of it,
/// goes back to the owner; the others are paid and the mission completes.
#[test]
fn a_part_below_the_assets_minimum_goes_back_to_the_owner() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(asset_balance(KRW, OUTSIDER), 0);
		let id = active_in(WON, &[10_000], &[(2, 95), (OUTSIDER, 5)]);
		let owner_krw = asset_balance(KRW, OWNER);
		deliver(id, OUTSIDER, 0);
		approve(id, 0);
		assert!(has_event(Event::RewardUnpayable {
			mission: id,
			milestone: 0,
			who: OUTSIDER,
			asset: WON,
			amount: 500
		}));
		assert!(has_event(Event::Refunded { mission: id, owner: OWNER, asset: WON, amount: 500 }));
		assert_eq!(asset_balance(KRW, OUTSIDER), 0);
		assert_eq!(asset_balance(KRW, OWNER), owner_krw + 500);
		assert!(!LiveMissions::<Test>::contains_key(id), "nothing blocked: it completed");
		assert_eq!(held(HoldReason::CommitmentBond, OUTSIDER), 0, "its bond came back");
	});
}

/// The asset's freezer blocks a contributor (the owner may be the bank, or
/// side with it): its part is kept for it, never handed to the owner; the
/// teammate is paid, the mission goes on to its end, and the contributor
/// claims its pay once unblocked.
#[test]
fn a_blocked_contributor_keeps_its_pay_and_does_not_freeze_the_mission() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active_in(US, &[1_000_000, 1_000_000], &[(2, 50), (3, 50)]);
		assert_ok!(Assets::block(issuer(), USD, 3));
		let (two, three, owner) =
			(asset_balance(USD, 2), asset_balance(USD, 3), asset_balance(USD, OWNER));
		deliver(id, 2, 0);
		approve(id, 0);
		assert!(has_event(Event::PaymentKept {
			mission: id,
			who: 3,
			asset: US,
			from: OWNER,
			amount: 500_000
		}));
		assert_eq!(asset_balance(USD, 2), two + 500_000);
		assert_eq!(asset_balance(USD, 3), three);
		assert_eq!(asset_balance(USD, OWNER), owner, "the owner gains nothing by the block");
		// Everything else still works: delivery, rejection, the last payout.
		deliver(id, 3, 1);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 1, hash(9)));
		deliver(id, 3, 1);
		approve(id, 1);
		assert!(!LiveMissions::<Test>::contains_key(id));
		assert_eq!(Claimable::<Test>::get(3, (US, OWNER)), Some(1_000_000));
		assert_noop!(
			Missions::claim(RuntimeOrigin::signed(3), US, OWNER),
			Error::<Test>::CannotReceive
		);
		assert_ok!(Assets::thaw(issuer(), USD, 3));
		assert_ok!(Missions::claim(RuntimeOrigin::signed(3), US, OWNER));
		assert_eq!(asset_balance(USD, 3), three + 1_000_000);
		assert_eq!(asset_balance(USD, OWNER), owner);
	});
}

/// A frozen account can still receive: a freeze stops what leaves it.
#[test]
fn a_frozen_account_is_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active_in(US, &[1_000_000], &[(2, 50), (3, 50)]);
		assert_ok!(Assets::freeze(issuer(), USD, 3));
		let three = asset_balance(USD, 3);
		deliver(id, 2, 0);
		approve(id, 0);
		assert_eq!(asset_balance(USD, 3), three + 500_000);
		assert!(!LiveMissions::<Test>::contains_key(id));
	});
}

/// A frozen asset moves nothing, not even out of a hold: the payouts are made
/// but kept for the contributors to claim once the asset thaws, and the
/// mission completes; the refund of a mission called off is kept for the
/// owner the same way.
#[test]
fn a_frozen_asset_keeps_payments_for_their_recipients() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active_in(US, &[1_000_000], &[(2, 50), (3, 50)]);
		let gone = create_in(US, &[2_000_000]);
		assert_ok!(Assets::freeze_asset(issuer(), USD));
		let (two, three, owner) =
			(asset_balance(USD, 2), asset_balance(USD, 3), asset_balance(USD, OWNER));
		deliver(id, 2, 0);
		approve(id, 0);
		assert!(!LiveMissions::<Test>::contains_key(id), "the mission completed");
		for who in [2, 3] {
			assert!(has_event(Event::PaymentKept {
				mission: id,
				who,
				asset: US,
				from: OWNER,
				amount: 500_000
			}));
			assert_eq!(Claimable::<Test>::get(who, (US, OWNER)), Some(500_000));
		}
		// Not received yet: no `RewardPaid` until the claim.
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Missions(Event::RewardPaid { mission, .. }) if mission == id
		)));
		assert_ok!(Missions::cancel_mission(RuntimeOrigin::signed(OWNER), gone));
		assert_eq!(Claimable::<Test>::get(OWNER, (US, OWNER)), Some(2_000_000));
		assert_eq!(escrow_held(US, OWNER), 3_000_000, "all of it still held: never lost");
		assert_noop!(
			Missions::claim(RuntimeOrigin::signed(2), US, OWNER),
			Error::<Test>::CannotReceive
		);
		assert_ok!(Assets::thaw_asset(issuer(), USD));
		for who in [2, 3, OWNER] {
			assert_ok!(Missions::claim(RuntimeOrigin::signed(who), US, OWNER));
		}
		assert!(has_event(Event::Claimed { who: 3, asset: US, from: OWNER, amount: 500_000 }));
		assert_eq!(asset_balance(USD, 2), two + 500_000);
		assert_eq!(asset_balance(USD, 3), three + 500_000);
		assert_eq!(asset_balance(USD, OWNER), owner + 2_000_000);
		assert_eq!(escrow_held(US, OWNER), 0);
		assert_noop!(
			Missions::claim(RuntimeOrigin::signed(2), US, OWNER),
			Error::<Test>::NothingToClaim
		);
	});
}

/// The freezer blocks the owner: its refunds cannot be released, so they stay
/// held for it; the mission's records still go, and the owner claims the
/// refund once it is unblocked.
#[test]
fn a_blocked_owner_claims_its_refund_later() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_in(US, &[1_000_000, 2_000_000]);
		let usd = asset_balance(USD, OWNER);
		assert_ok!(Assets::block(issuer(), USD, OWNER));
		assert_ok!(Missions::cancel_mission(RuntimeOrigin::signed(OWNER), id));
		assert!(!LiveMissions::<Test>::contains_key(id), "the mission is not held up");
		assert!(has_event(Event::RefundDeferred {
			mission: id,
			owner: OWNER,
			asset: US,
			amount: 3_000_000
		}));
		assert_eq!(Claimable::<Test>::get(OWNER, (US, OWNER)), Some(3_000_000));
		assert_eq!(escrow_held(US, OWNER), 3_000_000, "still held: never lost");
		assert_eq!(held(HoldReason::MissionDeposit, OWNER), 0, "the native deposit came back");
		assert_noop!(
			Missions::claim(RuntimeOrigin::signed(OWNER), US, OWNER),
			Error::<Test>::CannotReceive
		);
		assert_noop!(
			Missions::claim(RuntimeOrigin::signed(2), US, OWNER),
			Error::<Test>::NothingToClaim
		);
		assert_ok!(Assets::thaw(issuer(), USD, OWNER));
		assert_ok!(Missions::claim(RuntimeOrigin::signed(OWNER), US, OWNER));
		assert!(has_event(Event::Claimed {
			who: OWNER,
			asset: US,
			from: OWNER,
			amount: 3_000_000
		}));
		assert_eq!(asset_balance(USD, OWNER), usd + 3_000_000);
		assert_eq!(Claimable::<Test>::get(OWNER, (US, OWNER)), None);
		assert_noop!(
			Missions::claim(RuntimeOrigin::signed(OWNER), US, OWNER),
			Error::<Test>::NothingToClaim
		);
	});
}

/// The issuer, admin and freezer of an asset cannot take back what a mission
/// holds: it cannot burn it, move it, or destroy the asset under it.
#[test]
fn the_issuer_cannot_take_the_escrow_back() {
	// The issuer burns here, so the asset's supply is not checked; the rest is.
	ExtBuilder::default().build().execute_with(|| {
		let issuance = Balances::total_issuance();
		let id = active_in(US, &[1_000_000], &[(2, 100)]);
		assert_noop!(
			Assets::start_destroy(issuer(), USD),
			pallet_assets::Error::<Test>::ContainsHolds
		);
		// Burning everything it can from the owner leaves the escrow.
		let _ = Assets::burn(issuer(), USD, OWNER, Balance::MAX);
		let _ = Assets::force_transfer(issuer(), USD, OWNER, ISSUER, Balance::MAX);
		assert_eq!(escrow_held(US, OWNER), 1_000_000);
		let two = asset_balance(USD, 2);
		deliver(id, 2, 0);
		approve(id, 0);
		assert_eq!(asset_balance(USD, 2), two + 1_000_000);
		// With no escrow left, the asset can be destroyed again.
		assert_ok!(Assets::start_destroy(issuer(), USD));
		check_invariants(issuance);
	});
}

/// A contributor who leaves a mission paid in another asset forfeits its
/// (native) bond to the owner; the budget in the asset is unchanged.
#[test]
fn an_abandoned_bond_goes_to_the_owner_in_an_asset_mission() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active_in(US, &[1_000_000], &[(2, 60), (3, 40)]);
		let bond = Commitments::<Test>::get(id, 3).unwrap().bond;
		let owner = free(OWNER);
		assert_ok!(Missions::abandon(RuntimeOrigin::signed(3), id));
		assert_eq!(free(OWNER), owner + bond);
		let m = LiveMissions::<Test>::get(id).unwrap();
		assert_eq!((m.budget, m.milestones[0].amount), (1_000_000, 1_000_000));
		assert_eq!(escrow_held(US, OWNER), 1_000_000);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 0);
	});
}

/// The reputation pallet counts earnings only in the native currency.
#[test]
fn settlements_say_whether_an_amount_is_native() {
	ExtBuilder::default().build_and_execute(|| {
		let a = active_in(WON, &[10_000], &[(2, 100)]);
		deliver(a, 2, 0);
		approve(a, 0);
		let b = active(&[500], &[(2, 100)]);
		deliver(b, 2, 0);
		approve(b, 0);
		let paid: Vec<_> = settled()
			.into_iter()
			.filter_map(|(m, _, s)| match s {
				Settlement::MilestonePaid { amount, native, .. } => Some((m, amount, native)),
				_ => None,
			})
			.collect();
		assert_eq!(paid, vec![(a, 10_000, false), (b, 500, true)]);
	});
}

#[test]
fn the_asset_of_a_mission_is_in_its_view() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_in(WON, &[10_000]);
		let view = Missions::mission_view(id).unwrap();
		assert_eq!((view.asset, view.budget, view.escrowed), (WON, 10_000, 10_000));
		assert_eq!(MissionAssets::minimum_balance(WON), KRW_MIN);
	});
}
