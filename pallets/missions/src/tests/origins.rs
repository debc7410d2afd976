//! Who may make each call: every call from every kind of origin.

use super::*;
use frame_support::dispatch::RawOrigin;
use frame_support::traits::GetCallName;
use sp_runtime::traits::Dispatchable;

const MEMBER: AccountId = 4;
const CONTRIBUTOR: AccountId = 2;

type Outcome = Result<(), DispatchError>;
const OK: Outcome = Ok(());
const BAD: Outcome = Err(DispatchError::BadOrigin);

/// The call fails with `error`.
fn no(error: Error<Test>) -> Outcome {
	Err(error.into())
}

/// Any signed account passes the origin check and meets `error` of the
/// mission's state; unsigned and root are refused.
fn any_signed(error: Error<Test>) -> [Outcome; 6] {
	let e = no(error);
	[BAD, e, e, e, e, BAD]
}

/// Only the owner gets past `NotMissionOwner`, to `owner`.
fn owner_only(owner: Outcome) -> [Outcome; 6] {
	let not = || no(Error::NotMissionOwner);
	[BAD, not(), not(), owner, not(), BAD]
}

/// Every call from every kind of origin, one labelled row per call: the
/// outcome for `[none, outsider, member, owner, contributor, root]`, on a
/// recruiting mission 0 with `CONTRIBUTOR` on the roster (60 %) and 3
/// pending. `OK` where the origin may make the call; an error of the
/// mission's state is also a pass of the origin check. Adding a call is
/// adding a row.
#[test]
fn origin_matrix() {
	use Error::*;
	let rows: Vec<(&str, Call<Test>, [Outcome; 6])> = vec![
		(
			"create_mission",
			Call::create_mission {
				title: b"t".to_vec(),
				content_hash: hash(1),
				uri: None,
				asset: NATIVE,
				milestones: vec![spec(100)],
				deadline: 50,
				options: Default::default(),
			},
			[BAD, no(NotAMember), OK, OK, OK, BAD],
		),
		(
			"commit",
			Call::commit { mission: 0, share: pct(10), role_hash: hash(2), max_bond: ANY_BOND },
			[BAD, no(NotAMember), OK, no(OwnerCannotCommit), no(AlreadyCommitted), BAD],
		),
		(
			"withdraw_commitment",
			Call::withdraw_commitment { mission: 0 },
			[BAD, no(CommitmentNotFound), no(CommitmentNotFound), no(CommitmentNotFound), OK, BAD],
		),
		("accept_commitment", Call::accept_commitment { mission: 0, who: 3 }, owner_only(OK)),
		("reject_commitment", Call::reject_commitment { mission: 0, who: 3 }, owner_only(OK)),
		("propose_terms", Call::propose_terms { mission: 0 }, owner_only(no(SharesIncomplete))),
		(
			"sign_terms",
			Call::sign_terms { mission: 0, terms_hash: hash(3) },
			any_signed(NotAgreeing),
		),
		(
			"submit_deliverable",
			Call::submit_deliverable { mission: 0, milestone: 0, content_hash: hash(4), uri: None },
			any_signed(MissionNotActive),
		),
		(
			"approve_milestone",
			Call::approve_milestone { mission: 0, milestone: 0 },
			owner_only(no(MissionNotActive)),
		),
		(
			"reject_milestone",
			Call::reject_milestone { mission: 0, milestone: 0, reason_hash: hash(5) },
			owner_only(no(MissionNotActive)),
		),
		(
			"dispute_milestone",
			Call::dispute_milestone { mission: 0, milestone: 0 },
			any_signed(MissionNotActive),
		),
		(
			"resolve_dispute",
			Call::resolve_dispute { mission: 0, milestone: 0, verdict: Verdict::Approve },
			[BAD, BAD, BAD, BAD, BAD, no(MilestoneNotDisputed)],
		),
		("cancel_mission", Call::cancel_mission { mission: 0 }, owner_only(OK)),
		(
			"force_cancel_mission",
			Call::force_cancel_mission { mission: 0 },
			[BAD, BAD, BAD, BAD, BAD, OK],
		),
		("abandon", Call::abandon { mission: 0 }, any_signed(MissionNotActive)),
		("close_expired", Call::close_expired { mission: 0 }, any_signed(NotExpired)),
		(
			"set_minimum_budget",
			Call::set_minimum_budget {
				asset: NativeOrWithId::WithId(USD),
				minimum: Some(USD_MIN_BUDGET),
			},
			[BAD, BAD, BAD, BAD, BAD, OK],
		),
		(
			"claim",
			Call::claim { asset: NativeOrWithId::WithId(USD), from: OWNER },
			any_signed(NothingToClaim),
		),
		(
			"increase_budget",
			Call::increase_budget { mission: 0, milestone: 0, amount: 10 },
			owner_only(OK),
		),
		(
			"add_milestone",
			Call::add_milestone { mission: 0, description_hash: hash(6), amount: 10 },
			owner_only(OK),
		),
		("extend_deadline", Call::extend_deadline { mission: 0, deadline: 150 }, owner_only(OK)),
		(
			"agree_amendment",
			Call::agree_amendment { mission: 0, terms_hash: hash(3) },
			[
				BAD,
				no(NotAContributor),
				no(NotAContributor),
				no(NotAContributor),
				no(NoAmendment),
				BAD,
			],
		),
		(
			"withdraw_amendment",
			Call::withdraw_amendment { mission: 0 },
			owner_only(no(NoAmendment)),
		),
	];
	// Every call of the pallet has its row.
	let names: Vec<&str> = rows.iter().map(|(name, ..)| *name).collect();
	assert_eq!(names, Call::<Test>::get_call_names());
	for (name, call, row) in rows {
		let origins: [RuntimeOrigin; 6] = [
			RawOrigin::None.into(),
			RawOrigin::Signed(OUTSIDER).into(),
			RawOrigin::Signed(MEMBER).into(),
			RawOrigin::Signed(OWNER).into(),
			RawOrigin::Signed(CONTRIBUTOR).into(),
			RawOrigin::Root.into(),
		];
		for (origin, want) in origins.into_iter().zip(row) {
			ExtBuilder::default().build_and_execute(|| {
				let id = create(&[1000]);
				recruit(id, &[(CONTRIBUTOR, 60)]);
				assert_ok!(Missions::commit(
					RuntimeOrigin::signed(3),
					id,
					pct(10),
					hash(2),
					ANY_BOND
				));
				let who = format!("{name} from {:?}", origin.caller);
				let got = RuntimeCall::Missions(call.clone())
					.dispatch(origin)
					.map(|_| ())
					.map_err(|e| e.error);
				assert_eq!(got, want, "{who}");
			});
		}
	}
}
