//! Random call sequences from every kind of caller, checked after each call
//! against the invariants and, at the end, the payouts against the shares.

use super::*;
use proptest::prelude::*;

/// A call to make. `pick` chooses among the accounts the call makes sense
/// for (the owner, a pending committer, a roster member) when `valid`, and
/// is a random account otherwise, so that sequences reach every phase.
#[derive(Debug, Clone)]
enum Op {
	Create {
		owner: u64,
		/// 0: native; 1: USD (sufficient); 2: KRW (insufficient, large minimum).
		asset: u8,
		amounts: Vec<u64>,
		open: bool,
		bond: u64,
	},
	/// The assets' freezer at work: 0 blocks `who`, 1 thaws it, 2 freezes
	/// the whole asset, 3 thaws it.
	Freezer {
		asset: u8,
		what: u8,
		who: u64,
	},
	/// The owner tops up a milestone (0), adds one (1) or moves the deadline (2).
	Amend {
		mission: u32,
		what: u8,
		milestone: u32,
		amount: u64,
		valid: bool,
	},
	/// Every contributor on the roster agrees to the pending amendment.
	AgreeAll {
		mission: u32,
	},
	/// `who` claims what was kept for it from `from`.
	Claim {
		asset: u8,
		who: u64,
		from: u64,
	},
	Commit {
		mission: u32,
		pick: usize,
		valid: bool,
		share: u32,
	},
	Withdraw {
		mission: u32,
		pick: usize,
		valid: bool,
	},
	Accept {
		mission: u32,
		pick: usize,
		valid: bool,
	},
	Reject {
		mission: u32,
		pick: usize,
		valid: bool,
	},
	Propose {
		mission: u32,
		valid: bool,
	},
	Sign {
		mission: u32,
		pick: usize,
		valid: bool,
	},
	Deliver {
		mission: u32,
		milestone: u32,
		pick: usize,
		valid: bool,
	},
	Approve {
		mission: u32,
		milestone: u32,
		valid: bool,
	},
	RejectMilestone {
		mission: u32,
		milestone: u32,
		valid: bool,
	},
	Dispute {
		mission: u32,
		milestone: u32,
		pick: usize,
		valid: bool,
	},
	Resolve {
		mission: u32,
		milestone: u32,
		verdict: u8,
		part: u32,
	},
	Cancel {
		mission: u32,
		valid: bool,
	},
	ForceCancel {
		mission: u32,
	},
	Abandon {
		mission: u32,
		pick: usize,
		valid: bool,
	},
	Close {
		mission: u32,
	},
	Advance {
		blocks: u64,
	},
	/// Several members commit with equal shares that add up to the whole,
	/// and the owner accepts them all (each call checked on its own; the
	/// op itself always succeeds).
	Staff {
		mission: u32,
		size: u32,
	},
	/// Every contributor on the roster signs the current terms.
	SignAll {
		mission: u32,
	},
}

fn op() -> impl Strategy<Value = Op> {
	// Mostly the oldest live mission, so that one gets far.
	let mission = prop_oneof![7 => Just(0u32), 3 => 1u32..4];
	let milestone = 0u32..3;
	let pick = 0usize..8;
	let valid = prop::bool::weighted(0.85);
	prop_oneof![
		18 => (1u64..=6, 0u8..3, prop::collection::vec(100u64..2_000, 1..4), any::<bool>(), 0u64..50)
			.prop_map(|(owner, asset, amounts, open, bond)| Op::Create { owner, asset, amounts, open, bond }),
		4 => (1u8..3, 0u8..4, 1u64..=8).prop_map(|(asset, what, who)| Op::Freezer { asset, what, who }),
		3 => (1u8..3, 1u64..=8, 1u64..=6).prop_map(|(asset, who, from)| Op::Claim { asset, who, from }),
		6 => (mission.clone(), 0u8..3, milestone.clone(), 0u64..500, valid)
			.prop_map(|(mission, what, milestone, amount, valid)| Op::Amend { mission, what, milestone, amount, valid }),
		6 => mission.clone().prop_map(|mission| Op::AgreeAll { mission }),
		18 => (mission.clone(), pick.clone(), valid, prop::sample::select(vec![25u32, 50, 50, 50, 100]))
			.prop_map(|(mission, pick, valid, share)| Op::Commit { mission, pick, valid, share }),
		3 => (mission.clone(), pick.clone(), valid)
			.prop_map(|(mission, pick, valid)| Op::Withdraw { mission, pick, valid }),
		18 => (mission.clone(), pick.clone(), valid)
			.prop_map(|(mission, pick, valid)| Op::Accept { mission, pick, valid }),
		3 => (mission.clone(), pick.clone(), valid)
			.prop_map(|(mission, pick, valid)| Op::Reject { mission, pick, valid }),
		15 => (mission.clone(), valid).prop_map(|(mission, valid)| Op::Propose { mission, valid }),
		24 => (mission.clone(), pick.clone(), valid)
			.prop_map(|(mission, pick, valid)| Op::Sign { mission, pick, valid }),
		24 => (mission.clone(), milestone.clone(), pick.clone(), valid)
			.prop_map(|(mission, milestone, pick, valid)| Op::Deliver { mission, milestone, pick, valid }),
		18 => (mission.clone(), milestone.clone(), valid)
			.prop_map(|(mission, milestone, valid)| Op::Approve { mission, milestone, valid }),
		15 => (mission.clone(), milestone.clone(), valid)
			.prop_map(|(mission, milestone, valid)| Op::RejectMilestone { mission, milestone, valid }),
		20 => (mission.clone(), milestone.clone(), pick.clone(), valid)
			.prop_map(|(mission, milestone, pick, valid)| Op::Dispute { mission, milestone, pick, valid }),
		20 => (mission.clone(), milestone.clone(), 0u8..3, 0u32..=100)
			.prop_map(|(mission, milestone, verdict, part)| Op::Resolve { mission, milestone, verdict, part }),
		1 => (mission.clone(), valid).prop_map(|(mission, valid)| Op::Cancel { mission, valid }),
		1 => mission.clone().prop_map(|mission| Op::ForceCancel { mission }),
		3 => (mission.clone(), pick.clone(), valid)
			.prop_map(|(mission, pick, valid)| Op::Abandon { mission, pick, valid }),
		6 => mission.clone().prop_map(|mission| Op::Close { mission }),
		6 => (1u64..20).prop_map(|blocks| Op::Advance { blocks }),
		12 => (mission.clone(), 1u32..=4).prop_map(|(mission, size)| Op::Staff { mission, size }),
		12 => mission.clone().prop_map(|mission| Op::SignAll { mission }),
	]
}

fn kind(asset: u8) -> AssetKind {
	match asset {
		0 => NATIVE,
		1 => NativeOrWithId::WithId(USD),
		_ => NativeOrWithId::WithId(KRW),
	}
}

/// The `n`th live mission (in id order), or `n` itself when none is live.
fn live(n: u32) -> u32 {
	let mut ids: Vec<u32> = LiveMissions::<Test>::iter_keys().collect();
	ids.sort();
	if ids.is_empty() {
		n
	} else {
		ids[n as usize % ids.len()]
	}
}

/// A member who is not the owner of `mission` and has no commitment to it,
/// or a random account.
fn newcomer(mission: u32, pick: usize, valid: bool) -> u64 {
	let owner = LiveMissions::<Test>::get(mission).map(|m| m.owner);
	let candidates: Vec<u64> = (1..=5)
		.filter(|a| Some(*a) != owner && !Commitments::<Test>::contains_key(mission, a))
		.collect();
	if valid && !candidates.is_empty() {
		candidates[pick % candidates.len()]
	} else {
		1 + (pick as u64 % 8)
	}
}

/// When `valid`, the first milestone of `mission` whose status `wanted`
/// accepts (if any); otherwise `index`.
fn milestone_where(
	mission: u32,
	index: u32,
	valid: bool,
	wanted: impl Fn(&MilestoneStatus<Balance, u64>) -> bool,
) -> u32 {
	LiveMissions::<Test>::get(mission)
		.filter(|_| valid)
		.and_then(|m| m.milestones.iter().position(|x| wanted(&x.status)))
		.map_or(index, |i| i as u32)
}

/// The owner of `mission`, or a random account.
fn owner(mission: u32, pick: usize, valid: bool) -> u64 {
	match LiveMissions::<Test>::get(mission) {
		Some(m) if valid => m.owner,
		_ => 1 + (pick as u64 % 8),
	}
}

/// The `pick`th commitment of `mission` with `status`, or a random account.
fn committer(mission: u32, pick: usize, valid: bool, status: Option<CommitmentStatus>) -> u64 {
	let candidates: Vec<u64> = Commitments::<Test>::iter_prefix(mission)
		.filter(|(_, c)| status.as_ref().is_none_or(|s| c.status == *s))
		.map(|(who, _)| who)
		.collect();
	if valid && !candidates.is_empty() {
		candidates[pick % candidates.len()]
	} else {
		1 + (pick as u64 % 8)
	}
}

/// Points the op's mission at a live one.
fn with_live_mission(mut op: Op) -> Op {
	match &mut op {
		Op::Commit { mission, .. }
		| Op::Withdraw { mission, .. }
		| Op::Accept { mission, .. }
		| Op::Reject { mission, .. }
		| Op::Propose { mission, .. }
		| Op::Sign { mission, .. }
		| Op::Deliver { mission, .. }
		| Op::Approve { mission, .. }
		| Op::RejectMilestone { mission, .. }
		| Op::Dispute { mission, .. }
		| Op::Resolve { mission, .. }
		| Op::Cancel { mission, .. }
		| Op::ForceCancel { mission }
		| Op::Abandon { mission, .. }
		| Op::Close { mission }
		| Op::Staff { mission, .. }
		| Op::SignAll { mission }
		| Op::Amend { mission, .. }
		| Op::AgreeAll { mission } => *mission = live(*mission),
		Op::Create { .. } | Op::Advance { .. } | Op::Freezer { .. } | Op::Claim { .. } => {}
	}
	op
}

fn apply(op: &Op) -> sp_runtime::DispatchResult {
	let s = RuntimeOrigin::signed;
	let op = &with_live_mission(op.clone());
	let accepted = Some(CommitmentStatus::Accepted);
	let pending = Some(CommitmentStatus::Pending);
	match op.clone() {
		Op::Create { owner, asset, amounts, open, bond } => Missions::create_mission(
			s(owner),
			b"p".to_vec(),
			hash(1),
			None,
			kind(asset),
			amounts.into_iter().map(spec).collect(),
			System::block_number() + 40,
			MissionOptions { open_to_non_members: open, min_bond: bond, min_reputation: 0 },
		),
		Op::Commit { mission, pick, valid, share } => {
			// Valid commitments ask for no more than what is left, so that
			// rosters often add up to the whole.
			let left = LiveMissions::<Test>::get(mission)
				.map_or(Perbill::one(), |m| Perbill::one().saturating_sub(m.accepted_shares()));
			let share = if valid && !left.is_zero() { pct(share).min(left) } else { pct(share) };
			Missions::commit(s(newcomer(mission, pick, valid)), mission, share, hash(2), ANY_BOND)
		}
		Op::Withdraw { mission, pick, valid } => {
			plain(Missions::withdraw_commitment(s(committer(mission, pick, valid, None)), mission))
		}
		Op::Accept { mission, pick, valid } => {
			let left = LiveMissions::<Test>::get(mission)
				.map_or(Perbill::one(), |m| Perbill::one().saturating_sub(m.accepted_shares()));
			let fits: Vec<u64> = Commitments::<Test>::iter_prefix(mission)
				.filter(|(_, c)| c.status == CommitmentStatus::Pending && c.share <= left)
				.map(|(who, _)| who)
				.collect();
			let who = if valid && !fits.is_empty() {
				fits[pick % fits.len()]
			} else {
				committer(mission, pick, valid, pending)
			};
			plain(Missions::accept_commitment(s(owner(mission, pick, valid)), mission, who))
		}
		Op::Reject { mission, pick, valid } => plain(Missions::reject_commitment(
			s(owner(mission, pick, valid)),
			mission,
			committer(mission, pick, valid, None),
		)),
		Op::Propose { mission, valid } => {
			Missions::propose_terms(s(owner(mission, 3, valid)), mission)
		}
		Op::Sign { mission, pick, valid } => {
			let terms = LiveMissions::<Test>::get(mission)
				.and_then(|m| match m.status {
					MissionStatus::Agreeing { terms_hash } => Some(terms_hash),
					_ => None,
				})
				.filter(|_| valid)
				.unwrap_or(hash(9));
			plain(Missions::sign_terms(
				s(committer(mission, pick, valid, accepted)),
				mission,
				terms,
			))
		}
		Op::Deliver { mission, milestone, pick, valid } => Missions::submit_deliverable(
			s(committer(mission, pick, valid, accepted)),
			mission,
			milestone_where(mission, milestone, valid, |st| {
				matches!(st, MilestoneStatus::Open | MilestoneStatus::Rejected { .. })
			}),
			hash(3),
			None,
		),
		Op::Approve { mission, milestone, valid } => plain(Missions::approve_milestone(
			s(owner(mission, 0, valid)),
			mission,
			milestone_where(mission, milestone, valid, |st| *st == MilestoneStatus::Submitted),
		)),
		Op::RejectMilestone { mission, milestone, valid } => plain(Missions::reject_milestone(
			s(owner(mission, 0, valid)),
			mission,
			milestone_where(mission, milestone, valid, |st| *st == MilestoneStatus::Submitted),
			hash(4),
		)),
		Op::Dispute { mission, milestone, pick, valid } => Missions::dispute_milestone(
			s(committer(mission, pick, valid, accepted)),
			mission,
			milestone_where(mission, milestone, valid, |st| {
				matches!(st, MilestoneStatus::Rejected { .. })
			}),
		),
		Op::Resolve { mission, milestone, verdict, part } => {
			let verdict = match verdict {
				0 => Verdict::Approve,
				1 => Verdict::UpholdRejection,
				_ => Verdict::Split(pct(part)),
			};
			let milestone = milestone_where(mission, milestone, true, |st| {
				matches!(st, MilestoneStatus::Disputed { .. })
			});
			plain(Missions::resolve_dispute(RuntimeOrigin::root(), mission, milestone, verdict))
		}
		Op::Cancel { mission, valid } => {
			Missions::cancel_mission(s(owner(mission, 5, valid)), mission)
		}
		Op::ForceCancel { mission } => {
			Missions::force_cancel_mission(RuntimeOrigin::root(), mission)
		}
		Op::Abandon { mission, pick, valid } => {
			plain(Missions::abandon(s(committer(mission, pick, valid, accepted)), mission))
		}
		Op::Close { mission } => Missions::close_expired(s(9), mission),
		Op::Freezer { asset, what, who } => {
			let id = [USD, KRW][asset as usize - 1];
			match what {
				0 => Assets::block(s(ISSUER), id, who),
				1 => Assets::thaw(s(ISSUER), id, who),
				2 => Assets::freeze_asset(s(ISSUER), id),
				_ => Assets::thaw_asset(s(ISSUER), id),
			}
		}
		Op::Claim { asset, who, from } => Missions::claim(s(who), kind(asset), from),
		Op::Amend { mission, what, milestone, amount, valid } => {
			let o = s(owner(mission, 0, valid));
			match what {
				0 => Missions::increase_budget(o, mission, milestone, amount),
				1 => Missions::add_milestone(o, mission, hash(8), amount),
				_ => Missions::extend_deadline(o, mission, System::block_number() + amount),
			}
		}
		Op::AgreeAll { mission } => {
			let Some(m) = LiveMissions::<Test>::get(mission) else { return Ok(()) };
			let Some(a) = Amendments::<Test>::get(mission) else { return Ok(()) };
			for (who, _) in m.roster {
				let _ = checked(|| Missions::agree_amendment(s(who), mission, a.terms_hash));
			}
			Ok(())
		}
		Op::Advance { blocks } => {
			run_to_block(System::block_number() + blocks);
			Ok(())
		}
		Op::Staff { mission, size } => {
			let Some(m) = LiveMissions::<Test>::get(mission) else { return Ok(()) };
			let mut shares = vec![Perbill::from_rational(1, size); size as usize];
			let rest = Perbill::one()
				.saturating_sub(shares.iter().fold(Perbill::zero(), |a, b| a.saturating_add(*b)));
			shares[0] = shares[0].saturating_add(rest);
			for (i, share) in shares.into_iter().enumerate() {
				let who = newcomer(mission, i, true);
				let _ = checked(|| Missions::commit(s(who), mission, share, hash(2), ANY_BOND));
				let _ = checked(|| plain(Missions::accept_commitment(s(m.owner), mission, who)));
			}
			Ok(())
		}
		Op::SignAll { mission } => {
			let Some(m) = LiveMissions::<Test>::get(mission) else { return Ok(()) };
			let MissionStatus::Agreeing { terms_hash } = m.status else { return Ok(()) };
			for (who, _) in m.roster {
				let _ = checked(|| plain(Missions::sign_terms(s(who), mission, terms_hash)));
			}
			Ok(())
		}
	}
}

/// Runs one call; if it fails, checks that it changed nothing.
fn checked(call: impl FnOnce() -> sp_runtime::DispatchResult) -> sp_runtime::DispatchResult {
	let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
	let result = call();
	if result.is_err() {
		let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(before, after, "a call failed with {result:?} but changed state");
	}
	result
}

/// What happens to a milestone in a driven lifecycle.
#[derive(Debug, Clone)]
enum Fate {
	Approve,
	RejectResubmitApprove,
	Dispute { verdict: u8, part: u32 },
	AbandonFirst,
	LeaveOpen,
	LeaveUnreviewed,
}

fn fate() -> impl Strategy<Value = Fate> {
	prop_oneof![
		3 => Just(Fate::Approve),
		1 => Just(Fate::RejectResubmitApprove),
		2 => (0u8..3, 0u32..=100).prop_map(|(verdict, part)| Fate::Dispute { verdict, part }),
		1 => Just(Fate::AbandonFirst),
		1 => Just(Fate::LeaveOpen),
		1 => Just(Fate::LeaveUnreviewed),
	]
}

/// Checks every payout of the last call: the parts add up to what the
/// milestone paid, and each is its share of it, rounded down, but for the
/// first on the roster, who also gets the remainder (less than one unit
/// per contributor).
fn check_payouts(roster: &[(AccountId, Perbill)]) {
	let events: Vec<Event<Test>> = System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Missions(e) => Some(e),
			_ => None,
		})
		.collect();
	for e in &events {
		let Event::MilestoneApproved { milestone, amount, .. } = e else { continue };
		let parts: Vec<(AccountId, Balance)> = events
			.iter()
			.filter_map(|x| match x {
				Event::RewardPaid { milestone: m, who, amount, .. } if m == milestone => {
					Some((*who, *amount))
				}
				_ => None,
			})
			.collect();
		assert_eq!(parts.iter().map(|(_, a)| a).sum::<Balance>(), *amount);
		for (i, (who, part)) in parts.iter().enumerate() {
			let share = roster.iter().find(|(a, _)| a == who).expect("paid a roster member").1;
			let fair = share.mul_floor(*amount);
			if i == 0 {
				assert!(*part >= fair && *part - fair < roster.len() as Balance);
			} else {
				assert_eq!(*part, fair);
			}
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

	/// A mission driven through its whole life with random shares, amounts,
	/// bonds and milestone outcomes: every call succeeds, every payout is
	/// exact, the invariants and the issuance hold after each step, and at
	/// the end nothing is held and no record is left.
	#[test]
	fn random_lifecycles_settle_exactly(
		weights in prop::collection::vec(1u32..100, 1..=5),
		amounts in prop::collection::vec(100u64..2_400, 1..=4),
		bond in 0u64..200,
		fates in prop::collection::vec(fate(), 4),
	) {
		ExtBuilder::default().build_and_execute(|| {
			let issuance = Balances::total_issuance();
			let id = create_with(
				OWNER,
				&amounts,
				MissionOptions { min_bond: bond, open_to_non_members: true, ..Default::default() },
			);
			let total: u32 = weights.iter().sum();
			let mut shares: Vec<Perbill> =
				weights.iter().map(|w| Perbill::from_rational(*w, total)).collect();
			let sum = shares.iter().fold(Perbill::zero(), |a, b| a.saturating_add(*b));
			shares[0] = shares[0].saturating_add(Perbill::one().saturating_sub(sum));
			let members: Vec<AccountId> = (2..2 + weights.len() as u64).collect();
			for (who, share) in members.iter().zip(&shares) {
				assert_ok!(Missions::commit(RuntimeOrigin::signed(*who), id, *share, hash(2), ANY_BOND));
				assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, *who));
				check_invariants(issuance);
			}
			let terms = propose(id);
			for who in &members {
				assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(*who), id, terms));
			}
			check_invariants(issuance);

			for (index, fate) in fates.iter().take(amounts.len()).enumerate() {
				let index = index as u32;
				let Some(m) = LiveMissions::<Test>::get(id) else { break };
				let roster: Vec<(AccountId, Perbill)> = m.roster.to_vec();
				let Some(&(worker, _)) = roster.first() else { break };
				System::reset_events();
				match fate {
					Fate::Approve => {
						deliver(id, worker, index);
						assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, index));
					},
					Fate::RejectResubmitApprove => {
						deliver(id, worker, index);
						assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, index, hash(5)));
						deliver(id, worker, index);
						assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, index));
					},
					Fate::Dispute { verdict, part } => {
						deliver(id, worker, index);
						assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, index, hash(5)));
						assert_ok!(Missions::dispute_milestone(RuntimeOrigin::signed(worker), id, index));
						let verdict = match verdict {
							0 => Verdict::Approve,
							1 => Verdict::UpholdRejection,
							_ => Verdict::Split(pct(*part)),
						};
						assert_ok!(Missions::resolve_dispute(RuntimeOrigin::root(), id, index, verdict));
					},
					Fate::AbandonFirst => {
						assert_ok!(Missions::abandon(RuntimeOrigin::signed(worker), id));
					},
					Fate::LeaveOpen => {},
					Fate::LeaveUnreviewed => deliver(id, worker, index),
				}
				check_payouts(&roster);
				check_invariants(issuance);
			}
			if LiveMissions::<Test>::get(id).is_some() {
				run_to_block(DEADLINE + REVIEW_PERIOD + 1);
				let roster = LiveMissions::<Test>::get(id).unwrap().roster.to_vec();
				System::reset_events();
				assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
				check_payouts(&roster);
			}
			check_invariants(issuance);
			assert!(LiveMissions::<Test>::get(id).is_none());
			for who in 1..=10 {
				assert_eq!(Balances::total_balance_on_hold(&who), 0);
			}
		});
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

	/// Any sequence of calls keeps the invariants and the total issuance;
	/// a failing call changes nothing.
	#[test]
	fn random_sequences_keep_the_invariants(ops in prop::collection::vec(op(), 1..120)) {
		ExtBuilder::default().build_and_execute(|| {
			let issuance = Balances::total_issuance();
			for op in &ops {
				let _ = checked(|| apply(op));
				check_invariants(issuance);
				check_mission_actions();
			}
		});
	}
}

/// `mission_actions` (what the board offers) after any call: asking changes
/// nothing (every call it tries is rolled back, events included), and
/// everything `pending_actions` says awaits an account is among the calls it
/// may make.
fn check_mission_actions() {
	let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
	let events = System::events().len();
	for (id, _) in LiveMissions::<Test>::iter().collect::<Vec<_>>() {
		for who in 1..=10u64 {
			let actions = Missions::mission_actions(&who, id);
			for pending in Missions::pending_actions(&who) {
				let offered = match pending {
					PendingAction::DecideCommitment { mission, who: a } if mission == id => {
						MissionAction::RejectCommitment { who: a }
					}
					PendingAction::ProposeTerms { mission } if mission == id => {
						MissionAction::ProposeTerms
					}
					PendingAction::SignTerms { mission, terms_hash } if mission == id => {
						MissionAction::SignTerms { terms_hash }
					}
					PendingAction::Deliver { mission, milestone } if mission == id => {
						MissionAction::Deliver { milestone }
					}
					PendingAction::Review { mission, milestone } if mission == id => {
						MissionAction::Review { milestone }
					}
					PendingAction::Withdraw { mission } if mission == id => {
						MissionAction::WithdrawCommitment
					}
					PendingAction::AgreeAmendment { mission, terms_hash } if mission == id => {
						MissionAction::AgreeAmendment { terms_hash }
					}
					PendingAction::Dispute { mission, milestone } if mission == id => {
						MissionAction::Dispute { milestone }
					}
					_ => continue,
				};
				assert!(
					actions.contains(&offered),
					"{who} awaits {offered:?} on mission {id} but may not do it: {actions:?}"
				);
			}
		}
	}
	assert_eq!(
		sp_io::storage::root(sp_runtime::StateVersion::V1),
		root,
		"asking changed the state"
	);
	assert_eq!(System::events().len(), events, "asking raised events");
}
