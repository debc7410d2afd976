//! The runtime API's views, the weights calls declare and are charged, and
//! the terms hash shared with the mission board.

use super::*;

#[test]
fn views_show_what_the_chain_holds_and_what_waits() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000, 500]);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), id, pct(100), hash(2), ANY_BOND));
		assert_eq!(
			Missions::pending_actions(&OWNER),
			vec![PendingAction::DecideCommitment { mission: id, who: 2 }]
		);
		assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 2));
		assert_eq!(
			Missions::pending_actions(&OWNER),
			vec![PendingAction::ProposeTerms { mission: id }]
		);
		let terms = propose(id);
		assert_eq!(
			Missions::pending_actions(&2),
			vec![PendingAction::SignTerms { mission: id, terms_hash: terms }]
		);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		assert_eq!(
			Missions::pending_actions(&2),
			vec![
				PendingAction::Deliver { mission: id, milestone: 0 },
				PendingAction::Deliver { mission: id, milestone: 1 }
			]
		);
		deliver(id, 2, 1);
		assert_eq!(
			Missions::pending_actions(&OWNER),
			vec![PendingAction::Review { mission: id, milestone: 1 }]
		);
		assert_eq!(
			Missions::missions_of(&OWNER),
			AccountMissions { owned: vec![id], committed: vec![] }
		);
		assert_eq!(
			Missions::missions_of(&2),
			AccountMissions { owned: vec![], committed: vec![id] }
		);

		let view = Missions::mission_view(id).unwrap();
		assert_eq!(view.owner, OWNER);
		assert_eq!(view.title, b"Peer website".to_vec());
		assert_eq!(view.budget, 1500);
		assert_eq!(view.escrowed, 1500);
		assert_eq!(view.status, MissionStatus::Active { terms_hash: terms });
		assert_eq!(view.milestones[1].status, MilestoneStatus::Submitted);
		assert_eq!(
			view.milestones[1].deliverable,
			Some(DeliverableView {
				submitter: 2,
				content_hash: hash(0xaa),
				uri: None,
				version: 1,
				submitted: 1
			})
		);
		assert_eq!(view.commitments.len(), 1);
		assert!(Missions::mission_view(id + 1).is_none());
	});
}

#[test]
fn mission_actions_are_what_the_pallet_would_accept_in_each_phase() {
	use MissionAction::*;
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000, 500]);
		// Recruiting: the owner may amend or cancel; members may commit; nobody closes.
		assert_eq!(Missions::mission_actions(&OWNER, id), vec![Cancel, Amend]);
		assert_eq!(Missions::mission_actions(&2, id), vec![Commit]);
		assert!(Missions::mission_actions(&2, id + 1).is_empty());
		// A member who cannot cover the bond is still offered the commitment:
		// the board says why it would fail.
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(4), 10, false));
		assert_eq!(Missions::mission_actions(&4, id), vec![Commit]);
		// Nor is one whose reputation is below the mission's minimum.
		let picky =
			create_with(OWNER, &[1000], MissionOptions { min_reputation: 5, ..Default::default() });
		assert_eq!(Missions::mission_actions(&3, picky), vec![Commit]);
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(3), picky, pct(50), hash(2), ANY_BOND),
			Error::<Test>::ReputationTooLow
		);
		// Not a member, on a members-only mission: nothing.
		assert!(Missions::mission_actions(&7, id).is_empty());

		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), id, pct(100), hash(2), ANY_BOND));
		assert_eq!(
			Missions::mission_actions(&OWNER, id),
			vec![AcceptCommitment { who: 2 }, RejectCommitment { who: 2 }, Cancel, Amend]
		);
		assert_eq!(Missions::mission_actions(&2, id), vec![WithdrawCommitment]);
		// The roster is full: another member may not commit.
		assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 2));
		assert!(Missions::mission_actions(&3, id).is_empty());
		assert_eq!(
			Missions::mission_actions(&OWNER, id),
			vec![RejectCommitment { who: 2 }, ProposeTerms, Cancel, Amend]
		);

		// Agreeing: the contributor signs the hash on chain.
		let terms = propose(id);
		assert_eq!(
			Missions::mission_actions(&2, id),
			vec![WithdrawCommitment, SignTerms { terms_hash: terms }]
		);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));

		// Active: deliver, abandon; the owner may amend only (cancelling needs
		// an empty roster).
		assert_eq!(
			Missions::mission_actions(&2, id),
			vec![Deliver { milestone: 0 }, Deliver { milestone: 1 }, Abandon]
		);
		assert_eq!(Missions::mission_actions(&OWNER, id), vec![Amend]);
		deliver(id, 2, 1);
		assert_eq!(Missions::mission_actions(&OWNER, id), vec![Review { milestone: 1 }, Amend]);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 1, hash(5)));
		assert_eq!(
			Missions::mission_actions(&2, id),
			vec![
				Deliver { milestone: 0 },
				Deliver { milestone: 1 },
				Dispute { milestone: 1 },
				Abandon
			]
		);
		// An outsider may do nothing until the mission can be closed as expired.
		assert!(Missions::mission_actions(&9, id).is_empty());
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_eq!(Missions::mission_actions(&9, id), vec![CloseExpired]);
		// Asking raised no event and changed nothing.
		assert!(LiveMissions::<Test>::get(id).is_some());
	});
}

#[test]
fn weights_grow_with_their_arguments() {
	// The call's declared weight must depend on the milestone count and URI length.
	let small = Call::<Test>::create_mission {
		title: vec![],
		content_hash: hash(1),
		uri: None,
		asset: NATIVE,
		milestones: vec![spec(100)],
		deadline: 10,
		options: Default::default(),
	}
	.get_dispatch_info()
	.call_weight;
	let large = Call::<Test>::create_mission {
		title: vec![],
		content_hash: hash(1),
		uri: Some(vec![0; MAX_URI as usize]),
		asset: NATIVE,
		milestones: vec![spec(100); MAX_MILESTONES as usize],
		deadline: 10,
		options: Default::default(),
	}
	.get_dispatch_info()
	.call_weight;
	assert!(large.ref_time() >= small.ref_time());
}

#[test]
fn calls_are_charged_for_the_roster_they_met_and_refunded_the_rest() {
	use crate::weights::WeightInfo as _;
	type W = ();
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[100, 200]);
		recruit(id, &[(2, 60)]);
		// A commitment never accepted: one pending bond at completion.
		assert_ok!(Missions::commit(RuntimeOrigin::signed(4), id, pct(1), hash(0xe0), ANY_BOND));
		recruit(id, &[(3, 40)]);
		let terms = propose(id);

		let signed = Missions::sign_terms(RuntimeOrigin::signed(2), id, terms).unwrap();
		assert_eq!(signed.actual_weight, Some(W::sign_terms(2)));
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(3), id, terms));
		deliver(id, 2, 0);
		deliver(id, 3, 1);

		// Not the last milestone: the approval only.
		let declared = Call::<Test>::approve_milestone { mission: id, milestone: 0 }
			.get_dispatch_info()
			.call_weight;
		let first = Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0).unwrap();
		assert_eq!(first.actual_weight, Some(W::approve_milestone(2, 2)));
		assert_eq!(declared, Missions::approve_milestone_max_weight());
		assert!(declared.all_gte(W::approve_milestone(MAX_CONTRIBUTORS, MAX_MILESTONES)));
		assert!(declared.all_gte(W::approve_last_milestone(
			MAX_CONTRIBUTORS,
			MAX_CONTRIBUTORS - 1,
			MAX_MILESTONES
		)));

		// The last, which completes the mission: two contributors, one
		// pending commitment, two milestones.
		let last = Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 1).unwrap();
		assert_eq!(last.actual_weight, Some(W::approve_last_milestone(2, 1, 2)));
		assert!(LiveMissions::<Test>::get(id).is_none());
		assert!(last.actual_weight.unwrap().all_lte(declared));
	});
}

#[test]
fn a_failed_call_is_charged_what_it_declared() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[100]);
		let err = Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0).unwrap_err();
		assert_eq!(err.error, Error::<Test>::MissionNotActive.into());
		assert_eq!(err.post_info.actual_weight, None);
	});
}

/// The mission board recomputes the terms hash in TypeScript from what its
/// page shows; both implementations are checked against one fixture, so they
/// cannot drift apart.
#[test]
fn terms_hash_matches_the_boards_fixture() {
	let fixture: serde_json::Value =
		serde_json::from_str(include_str!("../../../../app/src/lib/terms.fixture.json"))
			.expect("the fixture is JSON");
	let h256 =
		|v: &serde_json::Value| v.as_str().expect("a hex string").parse::<H256>().expect("hex");
	let cases = fixture["cases"].as_array().expect("cases");
	assert_eq!(cases.len(), 2);
	for case in cases {
		let milestones: Vec<(H256, u128)> = case["milestones"]
			.as_array()
			.unwrap()
			.iter()
			.map(|m| (h256(&m["description_hash"]), m["amount"].as_str().unwrap().parse().unwrap()))
			.collect();
		let roster: Vec<(sp_core::crypto::AccountId32, Perbill)> = case["roster"]
			.as_array()
			.unwrap()
			.iter()
			.map(|r| {
				let share = r["share"].as_u64().unwrap() as u32;
				(h256(&r["account"]).0.into(), Perbill::from_parts(share))
			})
			.collect();
		let hash = terms_hash_of(
			case["mission"].as_u64().unwrap() as u32,
			&milestones,
			&roster,
			case["deadline"].as_u64().unwrap() as u32,
		);
		assert_eq!(hash, h256(&case["terms_hash"]), "terms hash of mission {}", case["mission"]);
	}
}
