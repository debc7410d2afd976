//! A firm's life.

use super::*;

/// Directors, their multisig, and the firm's own (pure proxy) account.
struct Firm {
	directors: Vec<AccountId>,
	multisig: AccountId,
	account: AccountId,
}

fn account(seed: u8) -> AccountId {
	AccountId::from([seed; 32])
}

fn multisig_of(directors: &[AccountId]) -> AccountId {
	let mut sorted = directors.to_vec();
	sorted.sort();
	pallet_multisig::Pallet::<Runtime>::multi_account_id(&sorted, 2)
}

/// Director `a` opens `call` in the 2-of-n multisig of `directors`, director
/// `b` approves it and so executes it. Returns the call's own result.
fn by_directors(
	directors: &[AccountId],
	a: &AccountId,
	b: &AccountId,
	call: RuntimeCall,
) -> DispatchResult {
	let others = |me: &AccountId| {
		let mut v: Vec<_> = directors.iter().filter(|d| *d != me).cloned().collect();
		v.sort();
		v
	};
	let weight = call.get_dispatch_info().call_weight;
	let hash = sp_io::hashing::blake2_256(&call.encode());
	assert_ok!(send(
		a,
		RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
			threshold: 2,
			other_signatories: others(a),
			maybe_timepoint: None,
			call: Box::new(call.clone()),
			max_weight: weight,
		})
	));
	let when = pallet_multisig::Multisigs::<Runtime>::get(multisig_of(directors), hash)
		.expect("the operation is open")
		.when;
	assert_ok!(send(
		b,
		RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
			threshold: 2,
			other_signatories: others(b),
			maybe_timepoint: Some(when),
			call: Box::new(call),
			max_weight: weight,
		})
	));
	reported(Wrapper::Multisig).expect("the second approval executes")
}

/// `proposer` proposes `call` with a threshold of every member, and Alice,
/// Bob and Charlie (the founders' council) vote for it (`council_motion`).
fn council_passes(proposer: &AccountId, call: RuntimeCall) -> DispatchResult {
	let members = pallet_consortium::MemberList::<Runtime>::get().len() as u32;
	let founders = [who(Alice), who(Bob), who(Charlie)];
	council_motion(proposer.clone(), call, members, &founders, &[])
		.executed
		.expect("the motion passed")
}

/// Three directors found a firm: their multisig spawns the firm's pure proxy
/// account, funded with 1,000 PEER, which names itself and applies; the
/// council admits it.
fn found_firm() -> Firm {
	System::set_block_number(1);
	let directors = vec![account(0xd1), account(0xd2), account(0xd3)];
	let multisig = multisig_of(&directors);
	for d in directors.iter().chain([&multisig]) {
		assert_ok!(send(&who(Alice), transfer(d, 10 * UNIT)));
	}
	let (d1, d2) = (&directors[0], &directors[1]);
	let spawn = RuntimeCall::Proxy(pallet_proxy::Call::create_pure {
		proxy_type: ProxyType::Any,
		delay: 0,
		index: 0,
	});
	assert_ok!(by_directors(&directors, d1, d2, spawn));
	let account = System::events()
		.iter()
		.find_map(|e| match &e.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::PureCreated { pure, who, .. })
				if *who == multisig =>
			{
				Some(pure.clone())
			}
			_ => None,
		})
		.expect("the pure proxy is created");
	assert_ok!(send(&who(Alice), transfer(&account, 1_000 * UNIT)));

	// It names itself: display name, web site and the legal entity id as a
	// hash (the register's number stays off the chain).
	use pallet_identity::{legacy::IdentityInfo, Data};
	let info = IdentityInfo {
		display: Data::Raw(b"Acme Engineering GmbH".to_vec().try_into().unwrap()),
		web: Data::Raw(b"https://acme.example".to_vec().try_into().unwrap()),
		legal: Data::BlakeTwo256(sp_io::hashing::blake2_256(b"LEI 5299000J2N45DDNE4Y28")),
		..Default::default()
	};
	let name_it =
		RuntimeCall::Identity(pallet_identity::Call::set_identity { info: Box::new(info) });
	assert_ok!(by_directors(&directors, d1, d2, as_proxy(&account, name_it)));
	let apply = RuntimeCall::Consortium(pallet_consortium::Call::apply {
		name: b"Acme Engineering".to_vec(),
		kind: pallet_consortium::MemberKind::Organization,
		charter: None,
	});
	assert_ok!(by_directors(&directors, d1, d2, as_proxy(&account, apply)));
	let admit = RuntimeCall::Consortium(pallet_consortium::Call::admit { who: account.clone() });
	assert_ok!(council_passes(&who(Alice), admit));
	assert!(pallet_consortium::Members::<Runtime>::contains_key(&account));
	Firm { directors, multisig, account }
}

/// `staff` gets a proxy of `proxy_type` on the firm, and is named under it.
fn hire(firm: &Firm, staff: &AccountId, proxy_type: ProxyType, name: &[u8]) {
	assert_ok!(send(&who(Alice), transfer(staff, 10 * UNIT)));
	let grant = RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
		delegate: MultiAddress::Id(staff.clone()),
		proxy_type,
		delay: 0,
	});
	let name_it = RuntimeCall::Identity(pallet_identity::Call::add_sub {
		sub: MultiAddress::Id(staff.clone()),
		data: pallet_identity::Data::Raw(name.to_vec().try_into().unwrap()),
	});
	let (d1, d2) = (&firm.directors[0], &firm.directors[1]);
	assert_ok!(by_directors(
		&firm.directors,
		d1,
		d2,
		as_proxy(&firm.account, batch(vec![grant, name_it]))
	));
}

/// Alice posts a one-milestone mission paying `amount`; returns its id.
fn alice_posts(amount: u128) -> u32 {
	let id = pallet_missions::NextMissionId::<Runtime>::get();
	assert_ok!(send(
		&who(Alice),
		RuntimeCall::Missions(pallet_missions::Call::create_mission {
			title: b"Bridge survey".to_vec(),
			content_hash: H256::repeat_byte(7),
			uri: None,
			asset: crate::configs::AssetKind::Native,
			milestones: vec![MilestoneSpec { description_hash: H256::zero(), amount }],
			deadline: 2 * crate::HOURS,
			options: Default::default(),
		})
	));
	id
}

fn terms_of(mission: u32) -> H256 {
	match pallet_missions::LiveMissions::<Runtime>::get(mission).expect("live").status {
		MissionStatus::Agreeing { terms_hash } => terms_hash,
		s => panic!("not agreeing: {s:?}"),
	}
}

/// The firm commits to `mission` for the whole of it.
fn firm_commits(mission: u32) -> RuntimeCall {
	RuntimeCall::Missions(pallet_missions::Call::commit {
		mission,
		share: Perbill::one(),
		role_hash: H256::zero(),
		max_bond: crate::Balance::MAX,
	})
}

/// Alice accepts the firm's commitment to `mission` and proposes the terms.
fn alice_accepts_and_proposes(firm: &Firm, mission: u32) {
	assert_ok!(Missions::accept_commitment(
		RuntimeOrigin::signed(who(Alice)),
		mission,
		firm.account.clone()
	));
	assert_ok!(Missions::propose_terms(RuntimeOrigin::signed(who(Alice)), mission));
}

/// One batch: the firm signs `mission`'s terms and delivers its milestone.
fn sign_and_deliver(mission: u32, uri: Option<Vec<u8>>) -> RuntimeCall {
	batch(vec![
		RuntimeCall::Missions(pallet_missions::Call::sign_terms {
			mission,
			terms_hash: terms_of(mission),
		}),
		RuntimeCall::Missions(pallet_missions::Call::submit_deliverable {
			mission,
			milestone: 0,
			content_hash: H256::repeat_byte(9),
			uri,
		}),
	])
}

#[test]
fn a_firm_is_admitted_and_its_directors_move_a_motion_through_the_multisig() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let firm = found_firm();
		// The member record is the firm's account, with its name and kind.
		let record = pallet_consortium::Members::<Runtime>::get(&firm.account).unwrap();
		assert_eq!(record.name.to_vec(), b"Acme Engineering".to_vec());
		assert!(pallet_collective::Members::<Runtime, crate::configs::governance::CouncilCollective>::get()
			.contains(&firm.account));
		let identity = pallet_identity::IdentityOf::<Runtime>::get(&firm.account).unwrap();
		assert_eq!(
			identity.info.legal,
			pallet_identity::Data::BlakeTwo256(sp_io::hashing::blake2_256(b"LEI 5299000J2N45DDNE4Y28"))
		);
		// No director is a member: the firm is.
		for d in &firm.directors {
			assert!(!pallet_consortium::Members::<Runtime>::contains_key(d));
		}

		// Two directors propose a motion as the firm; the founders pass it.
		let review = RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
			key_value: crate::RuntimeParameters::Missions(
				crate::dynamic_params::missions::Parameters::ReviewPeriod(
					crate::dynamic_params::missions::ReviewPeriod,
					Some(10 * crate::DAYS),
				),
			),
		});
		let length = review.encode().len() as u32;
		let hash = BlakeTwo256::hash_of(&review);
		let propose = RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: 3,
			proposal: Box::new(review.clone()),
			length_bound: length,
		});
		let (d1, d3) = (&firm.directors[0], &firm.directors[2]);
		assert_ok!(by_directors(&firm.directors, d3, d1, as_proxy(&firm.account, propose)));
		// The firm proposed it, not a director.
		let index = System::events()
			.iter()
			.find_map(|e| match &e.event {
				RuntimeEvent::Council(pallet_collective::Event::Proposed {
					account,
					proposal_index,
					..
				}) if *account == firm.account => Some(*proposal_index),
				_ => None,
			})
			.expect("the firm's motion is open");
		for k in [Alice, Bob, Charlie] {
			assert_ok!(send(
				&who(k),
				RuntimeCall::Council(pallet_collective::Call::vote {
					proposal: hash,
					index,
					approve: true
				})
			));
		}
		assert_ok!(send(
			&who(Alice),
			RuntimeCall::Council(pallet_collective::Call::close {
				proposal_hash: hash,
				index,
				proposal_weight_bound: review.get_dispatch_info().total_weight(),
				length_bound: length,
			})
		));
		assert_eq!(crate::dynamic_params::missions::ReviewPeriod::get(), 10 * crate::DAYS);

		// One director alone cannot act for the firm.
		let before = Balances::free_balance(&firm.account);
		assert_eq!(
			send(d1, as_proxy(&firm.account, transfer(d1, UNIT))),
			Err(pallet_proxy::Error::<Runtime>::NotProxy.into())
		);
		assert_eq!(Balances::free_balance(&firm.account), before);
	});
}

#[test]
fn staff_deliver_for_the_firm_and_the_firm_is_paid() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let firm = found_firm();
		let jane = account(0x5a);
		hire(&firm, &jane, ProxyType::MissionContributor, b"Jane, site engineer");
		assert_eq!(
			pallet_identity::SuperOf::<Runtime>::get(&jane).map(|(f, _)| f),
			Some(firm.account.clone())
		);

		let amount = 40 * UNIT;
		let id = alice_posts(amount);
		let (firm_free, jane_free) =
			(Balances::free_balance(&firm.account), Balances::free_balance(&jane));
		assert_ok!(send(&jane, as_proxy(&firm.account, firm_commits(id))));
		assert_eq!(last_proxy_result(), Some(Ok(())));
		// The firm is the contributor, and its bond is held from the firm.
		let bond = crate::dynamic_params::missions::MinimumBond::get();
		assert_eq!(
			Balances::balance_on_hold(
				&pallet_missions::HoldReason::CommitmentBond.into(),
				&firm.account
			),
			bond
		);
		alice_accepts_and_proposes(&firm, id);
		// Jane signs and delivers in one batch.
		let uri = Some(b"https://acme.example/survey.pdf".to_vec());
		assert_ok!(send(&jane, as_proxy(&firm.account, sign_and_deliver(id, uri))));
		assert_eq!(last_proxy_result(), Some(Ok(())));
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(who(Alice)), id, 0));

		// The firm is paid (its bond back too), Jane is not; the firm earned
		// the reputation.
		assert_eq!(Balances::free_balance(&firm.account), firm_free + amount);
		assert_eq!(Balances::free_balance(&jane), jane_free);
		assert!(pallet_reputation::Pallet::<Runtime>::score_of(&firm.account) > 0);
		assert_eq!(pallet_reputation::Pallet::<Runtime>::score_of(&jane), 0);
	});
}

/// `delegate` sends each call for the firm through its proxy: the proxy call
/// goes through, the call it carries is filtered, and nothing of the firm's
/// (or the delegate's money) changes.
fn each_refused(
	firm: &Firm,
	delegate: &AccountId,
	mission: u32,
	attempts: impl IntoIterator<Item = (&'static str, RuntimeCall)>,
) {
	let state = || {
		(
			Balances::free_balance(&firm.account),
			Balances::reserved_balance(&firm.account),
			Balances::free_balance(delegate),
			pallet_proxy::Proxies::<Runtime>::get(&firm.account),
			pallet_missions::LiveMissions::<Runtime>::get(mission),
			pallet_consortium::Members::<Runtime>::get(&firm.account),
			pallet_identity::SubsOf::<Runtime>::get(&firm.account),
		)
	};
	for (what, call) in attempts {
		let before = state();
		assert_ok!(send(delegate, as_proxy(&firm.account, call)));
		assert_eq!(last_proxy_result(), Some(Err(filtered())), "{what} is refused");
		assert_eq!(state(), before, "{what} changed nothing");
	}
}

#[test]
fn a_contributor_proxy_cannot_move_the_firms_money() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let firm = found_firm();
		let jane = account(0x5a);
		hire(&firm, &jane, ProxyType::MissionContributor, b"Jane");
		let id = alice_posts(10 * UNIT);
		// Alice's mission, with a pending deliverable the firm might approve
		// were Jane a manager: it is Alice's to approve anyway.
		let approve = RuntimeCall::Missions(pallet_missions::Call::approve_milestone {
			mission: id,
			milestone: 0,
		});
		let commit = firm_commits(id);
		let attempts = [
			("a transfer", transfer(&jane, UNIT)),
			("approving a milestone", approve),
			("a batch hiding a transfer", batch(vec![commit.clone(), transfer(&jane, UNIT)])),
			(
				"a batchAll hiding a transfer",
				RuntimeCall::Utility(pallet_utility::Call::batch_all {
					calls: vec![commit.clone(), transfer(&jane, UNIT)],
				}),
			),
			(
				"a forceBatch hiding a transfer",
				RuntimeCall::Utility(pallet_utility::Call::force_batch {
					calls: vec![commit.clone(), transfer(&jane, UNIT)],
				}),
			),
			("a nested proxy call", as_proxy(&firm.account, transfer(&jane, UNIT))),
			(
				"a multisig of one",
				RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
					other_signatories: vec![who(Alice)],
					call: Box::new(transfer(&jane, UNIT)),
				}),
			),
			(
				"a stronger proxy for herself",
				RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: MultiAddress::Id(jane.clone()),
					proxy_type: ProxyType::Any,
					delay: 0,
				}),
			),
			("dropping the directors", RuntimeCall::Proxy(pallet_proxy::Call::remove_proxies {})),
			(
				"leaving the consortium",
				RuntimeCall::Consortium(pallet_consortium::Call::give_notice {}),
			),
		];
		each_refused(&firm, &jane, id, attempts);
		// A batch of Jane's own around a proxy call is filtered the same way.
		let before = Balances::free_balance(&firm.account);
		assert_ok!(send(&jane, batch(vec![as_proxy(&firm.account, transfer(&jane, UNIT))])));
		assert_eq!(last_proxy_result(), Some(Err(filtered())));
		assert_eq!(Balances::free_balance(&firm.account), before);
	});
}

#[test]
fn a_non_transfer_proxy_cannot_move_the_firms_money() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let firm = found_firm();
		let ops = account(0x0b);
		hire(&firm, &ops, ProxyType::NonTransfer, b"Operations");
		// A mission of an accomplice's (Alice's), recruiting.
		let id = alice_posts(10 * UNIT);
		let name = || pallet_identity::Data::Raw(b"me".to_vec().try_into().unwrap());
		let attempts = [
			("a transfer", transfer(&ops, UNIT)),
			// A sub-account's deposit is the firm's.
			(
				"naming itself a sub-account",
				RuntimeCall::Identity(pallet_identity::Call::add_sub {
					sub: MultiAddress::Id(ops.clone()),
					data: name(),
				}),
			),
			(
				"setting sub-accounts",
				RuntimeCall::Identity(pallet_identity::Call::set_subs {
					subs: vec![(ops.clone(), name())],
				}),
			),
			(
				"paying a registrar",
				RuntimeCall::Identity(pallet_identity::Call::request_judgement {
					reg_index: 0,
					max_fee: UNIT,
				}),
			),
			// A bond left undelivered is forfeited to the mission's owner.
			(
				"staking a bond",
				RuntimeCall::Missions(pallet_missions::Call::commit {
					mission: id,
					share: Perbill::one(),
					role_hash: H256::zero(),
					max_bond: crate::Balance::MAX,
				}),
			),
			(
				"signing terms",
				RuntimeCall::Missions(pallet_missions::Call::sign_terms {
					mission: id,
					terms_hash: H256::zero(),
				}),
			),
			(
				"putting itself on a roster",
				RuntimeCall::Missions(pallet_missions::Call::accept_commitment {
					mission: id,
					who: ops.clone(),
				}),
			),
			(
				"posting a mission",
				RuntimeCall::Missions(pallet_missions::Call::create_mission {
					title: b"x".to_vec(),
					content_hash: H256::zero(),
					uri: None,
					asset: crate::configs::AssetKind::Native,
					milestones: vec![MilestoneSpec {
						description_hash: H256::zero(),
						amount: UNIT,
					}],
					deadline: 2 * crate::HOURS,
					options: Default::default(),
				}),
			),
			(
				"handing a node over",
				RuntimeCall::NodeAuthorization(pallet_authorized_nodes::Call::transfer_node {
					node: sp_core::OpaquePeerId(vec![1; 38]),
					owner: MultiAddress::Id(ops.clone()),
				}),
			),
			(
				"a stronger proxy",
				RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: MultiAddress::Id(ops.clone()),
					proxy_type: ProxyType::MissionManager,
					delay: 0,
				}),
			),
			(
				"a multisig of one",
				RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
					other_signatories: vec![who(Alice)],
					call: Box::new(remark()),
				}),
			),
		];
		each_refused(&firm, &ops, id, attempts);
		// What it is for still works: a remark, and a weaker proxy for a
		// colleague who votes.
		let voter = account(0x0c);
		assert_ok!(send(
			&ops,
			as_proxy(
				&firm.account,
				batch(vec![
					remark(),
					RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
						delegate: MultiAddress::Id(voter.clone()),
						proxy_type: ProxyType::Governance,
						delay: 0,
					}),
				])
			)
		));
		assert_eq!(last_proxy_result(), Some(Ok(())));
		assert!(pallet_proxy::Pallet::<Runtime>::find_proxy(
			&firm.account,
			&voter,
			Some(ProxyType::Governance)
		)
		.is_ok());
	});
}

/// Leaving the consortium ends the firm on Peer (retiring abandons its active
/// missions and forfeits its bonds), and session keys decide who authors blocks
/// in its name: neither is a clerk's to do. Only the directors' `Any` proxy may.
#[test]
fn a_narrow_proxy_cannot_end_the_firm_or_take_its_validator_keys() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let firm = found_firm();
		let (ops, voter) = (account(0x0b), account(0x0c));
		hire(&firm, &ops, ProxyType::NonTransfer, b"Operations");
		hire(&firm, &voter, ProxyType::Governance, b"Voter");
		let id = alice_posts(10 * UNIT);
		let keys = crate::opaque::SessionKeys {
			aura: sp_consensus_aura::sr25519::AuthorityId::from(
				sp_core::sr25519::Public::from_raw([7; 32]),
			),
			grandpa: sp_consensus_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(
				[7; 32],
			)),
		};
		let ending = || {
			[
				("giving notice", RuntimeCall::Consortium(pallet_consortium::Call::give_notice {})),
				("retiring", RuntimeCall::Consortium(pallet_consortium::Call::retire {})),
				(
					"setting session keys",
					RuntimeCall::Session(pallet_session::Call::set_keys {
						keys: keys.clone(),
						proof: vec![],
					}),
				),
				(
					"purging session keys",
					RuntimeCall::ValidatorSet(pallet_validator_set::Call::purge_keys {}),
				),
			]
		};
		for delegate in [&ops, &voter] {
			each_refused(&firm, delegate, id, ending());
			assert!(pallet_session::NextKeys::<Runtime>::get(&firm.account).is_none());
			assert!(pallet_consortium::Members::<Runtime>::get(&firm.account)
				.is_some_and(|m| m.leaves_at.is_none()));
		}
		// The directors, through their multisig's `Any` proxy, may.
		let (d1, d2) = (&firm.directors[0], &firm.directors[1]);
		let notice = RuntimeCall::Consortium(pallet_consortium::Call::give_notice {});
		assert_ok!(by_directors(&firm.directors, d1, d2, as_proxy(&firm.account, notice)));
		assert!(pallet_consortium::Members::<Runtime>::get(&firm.account)
			.is_some_and(|m| m.leaves_at.is_some()));
	});
}

/// A firm names an account that holds nothing (a staff multisig never funded) as
/// its sub-identity. Were `quitSub` open, that account (a threshold-1 multisig, a
/// signatory paying the fee) would make pallet-identity send the firm's sub deposit
/// to it: the transfer to a dead account fails, the failure is ignored, the record
/// is cleared and the deposit stays reserved with no record. Peer refuses `quitSub`;
/// the directors remove the sub-account and the deposit comes back.
#[test]
fn a_sub_identity_cannot_strand_its_firms_deposit() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let firm = found_firm();
		let (s1, s2) = (account(0x51), account(0x52));
		let mut signatories = vec![s1.clone(), s2.clone()];
		signatories.sort();
		let staff = pallet_multisig::Pallet::<Runtime>::multi_account_id(&signatories, 1);
		let name_it = RuntimeCall::Identity(pallet_identity::Call::add_sub {
			sub: MultiAddress::Id(staff.clone()),
			data: pallet_identity::Data::Raw(b"Staff desk".to_vec().try_into().unwrap()),
		});
		let (d1, d2) = (&firm.directors[0], &firm.directors[1]);
		assert_ok!(by_directors(&firm.directors, d1, d2, as_proxy(&firm.account, name_it)));
		assert!(!System::account_exists(&staff));
		let reserved = Balances::reserved_balance(&firm.account);
		let subs = pallet_identity::SubsOf::<Runtime>::get(&firm.account);
		assert_eq!(subs.1.len(), 1);
		// A signatory with funds for the fee sends it as the threshold-1 multisig.
		assert_ok!(send(&who(Alice), transfer(&s1, 10 * UNIT)));
		let quit = RuntimeCall::Identity(pallet_identity::Call::quit_sub {});
		let as_staff = RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
			other_signatories: vec![s2.clone()],
			call: Box::new(quit.clone()),
		});
		assert_eq!(send(&s1, as_staff), Err(filtered()));
		// Refused directly too; nothing moved, the record stands.
		assert_eq!(send(&staff, quit), Err(filtered()));
		assert_eq!(pallet_identity::SubsOf::<Runtime>::get(&firm.account), subs);
		assert_eq!(Balances::reserved_balance(&firm.account), reserved);
		// The directors remove it: the deposit comes back to the firm.
		let remove = RuntimeCall::Identity(pallet_identity::Call::remove_sub {
			sub: MultiAddress::Id(staff.clone()),
		});
		assert_ok!(by_directors(&firm.directors, d1, d2, as_proxy(&firm.account, remove)));
		assert_eq!(pallet_identity::SubsOf::<Runtime>::get(&firm.account).1.len(), 0);
		assert_eq!(
			Balances::reserved_balance(&firm.account),
			reserved - crate::configs::organizations::SubAccountDeposit::get()
		);
	});
}

#[test]
fn replacing_a_director_keeps_the_firm_whole() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let firm = found_firm();
		let jane = account(0x5a);
		hire(&firm, &jane, ProxyType::MissionContributor, b"Jane");
		// The firm completes a mission (reputation) and holds a bond on a
		// second one (held funds).
		let amount = 20 * UNIT;
		let done = alice_posts(amount);
		assert_ok!(send(&jane, as_proxy(&firm.account, firm_commits(done))));
		alice_accepts_and_proposes(&firm, done);
		assert_ok!(send(&jane, as_proxy(&firm.account, sign_and_deliver(done, None))));
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(who(Alice)), done, 0));
		let pending = alice_posts(5 * UNIT);
		assert_ok!(send(&jane, as_proxy(&firm.account, firm_commits(pending))));

		let snapshot = || {
			(
				pallet_consortium::Members::<Runtime>::get(&firm.account),
				Balances::free_balance(&firm.account),
				Balances::balance_on_hold(
					&pallet_missions::HoldReason::CommitmentBond.into(),
					&firm.account,
				),
				pallet_reputation::Pallet::<Runtime>::view(&firm.account),
				pallet_identity::IdentityOf::<Runtime>::get(&firm.account),
				pallet_missions::LiveMissions::<Runtime>::get(pending),
			)
		};
		let before = snapshot();
		assert!(pallet_reputation::Pallet::<Runtime>::score_of(&firm.account) > 0);

		// Director 3 leaves, director 4 joins: directors 1 and 2 put the new
		// board's multisig in place of the old one, in one batch.
		let new_directors = vec![account(0xd1), account(0xd2), account(0xd4)];
		let new_multisig = multisig_of(&new_directors);
		assert_ok!(send(&who(Alice), transfer(&account(0xd4), 10 * UNIT)));
		let swap = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![
				RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: MultiAddress::Id(new_multisig.clone()),
					proxy_type: ProxyType::Any,
					delay: 0,
				}),
				RuntimeCall::Proxy(pallet_proxy::Call::remove_proxy {
					delegate: MultiAddress::Id(firm.multisig.clone()),
					proxy_type: ProxyType::Any,
					delay: 0,
				}),
			],
		});
		let (d1, d2) = (&firm.directors[0], &firm.directors[1]);
		assert_ok!(by_directors(&firm.directors, d1, d2, as_proxy(&firm.account, swap)));

		// Same address, membership, money, holds, reputation, identity,
		// missions; Jane still works for it.
		assert_eq!(snapshot(), before);
		assert!(pallet_proxy::Pallet::<Runtime>::find_proxy(&firm.account, &jane, None).is_ok());
		// The old board can no longer act; the new one can, with the new
		// director.
		assert_eq!(
			pallet_proxy::Pallet::<Runtime>::find_proxy(&firm.account, &firm.multisig, None)
				.map(|_| ()),
			Err(pallet_proxy::Error::<Runtime>::NotProxy.into())
		);
		let d4 = account(0xd4);
		assert_ok!(by_directors(&new_directors, &d4, d1, as_proxy(&firm.account, remark())));
		assert_eq!(last_proxy_result(), Some(Ok(())));
		// Director 3 alone, or with the old board, is out.
		let old_attempt = by_directors(
			&firm.directors,
			&firm.directors[2],
			d2,
			as_proxy(&firm.account, transfer(&firm.directors[2], UNIT)),
		);
		assert_eq!(old_attempt, Err(pallet_proxy::Error::<Runtime>::NotProxy.into()));
		assert_eq!(snapshot(), before);
	});
}
