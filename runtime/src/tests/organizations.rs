//! Firms on Peer: proxy allow-lists checked against every call of the
//! runtime, and a firm's life told through `RuntimeCall`s (dispatched as a
//! signed transaction's call is, through the call filter).
//!
//! The firm's member account is a pure proxy; its directors' 2-of-3 multisig
//! holds `Any` on it; its staff hold `MissionContributor` or
//! `MissionManager`.

use crate::{
	configs::organizations::ProxyType, tests::genesis_of, AccountId, Balances, Missions, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, System, UNIT,
};
use codec::{Decode, Encode};
use frame_support::{
	assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::InspectHold, Get, GetCallMetadata, InstanceFilter},
};
use pallet_missions::{MilestoneSpec, MissionStatus};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie};
use sp_runtime::{
	traits::{BlakeTwo256, Dispatchable, Hash},
	DispatchError, DispatchResult, MultiAddress, Perbill,
};

fn who(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

/// Sends `call` signed by `from`, through the runtime's call filter.
fn send(from: &AccountId, call: RuntimeCall) -> DispatchResult {
	call.dispatch(RuntimeOrigin::signed(from.clone())).map(|_| ()).map_err(|e| e.error)
}

/// `call`, made by a proxy for `real`.
fn as_proxy(real: &AccountId, call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Proxy(pallet_proxy::Call::proxy {
		real: MultiAddress::Id(real.clone()),
		force_proxy_type: None,
		call: Box::new(call),
	})
}

fn batch(calls: Vec<RuntimeCall>) -> RuntimeCall {
	RuntimeCall::Utility(pallet_utility::Call::batch { calls })
}

fn transfer(to: &AccountId, value: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(to.clone()),
		value,
	})
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"hello".to_vec() })
}

/// The result of the last call a proxy made.
fn last_proxy_result() -> Option<DispatchResult> {
	System::events().iter().rev().find_map(|e| match &e.event {
		RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(*result),
		_ => None,
	})
}

fn filtered() -> DispatchError {
	frame_system::Error::<Runtime>::CallFiltered.into()
}

// ---------------------------------------------------------------------------
// The allow-lists, checked against every call the runtime has.
// ---------------------------------------------------------------------------

/// The allow-lists as docs/MEMBERS.md states them, by pallet and call name as the
/// metadata spells them. Written apart from the filter, so that a change to
/// either shows up here.
const CONTRIBUTOR: &[(&str, &str)] = &[
	("Missions", "commit"),
	("Missions", "withdraw_commitment"),
	("Missions", "sign_terms"),
	("Missions", "submit_deliverable"),
	("Missions", "dispute_milestone"),
	("Missions", "abandon"),
	("Missions", "claim"),
	("Missions", "agree_amendment"),
];
const MANAGER: &[(&str, &str)] = &[
	("Missions", "create_mission"),
	("Missions", "accept_commitment"),
	("Missions", "reject_commitment"),
	("Missions", "propose_terms"),
	("Missions", "approve_milestone"),
	("Missions", "reject_milestone"),
	("Missions", "cancel_mission"),
	("Missions", "close_expired"),
	("Missions", "increase_budget"),
	("Missions", "add_milestone"),
	("Missions", "extend_deadline"),
	("Missions", "withdraw_amendment"),
];
const GOVERNANCE: &[(&str, &str)] = &[
	("Council", "propose"),
	("Council", "vote"),
	("Council", "close"),
	("Council", "release_proposal_cost"),
	("Consortium", "apply"),
	("Consortium", "withdraw_application"),
];
const NON_TRANSFER: &[(&str, &str)] = &[
	("System", "remark"),
	("System", "remark_with_event"),
	("Identity", "set_identity"),
	("Identity", "clear_identity"),
	("Identity", "cancel_request"),
	("Identity", "rename_sub"),
	("Identity", "remove_sub"),
	("NodeAuthorization", "claim_node"),
	("NodeAuthorization", "remove_claim"),
	("NodeAuthorization", "add_connections"),
	("NodeAuthorization", "remove_connections"),
	("Proxy", "add_proxy"),
	("Proxy", "remove_proxy"),
	("Missions", "withdraw_commitment"),
	("Missions", "submit_deliverable"),
	("Missions", "dispute_milestone"),
	("Missions", "reject_commitment"),
	("Missions", "reject_milestone"),
	("Missions", "cancel_mission"),
	("Missions", "close_expired"),
	("Missions", "claim"),
	("Missions", "agree_amendment"),
	("Missions", "extend_deadline"),
	("Missions", "withdraw_amendment"),
];

fn listed(proxy: ProxyType, pallet: &str, call: &str) -> bool {
	let has = |list: &[(&str, &str)]| list.iter().any(|(p, c)| *p == pallet && *c == call);
	match proxy {
		ProxyType::Any => true,
		ProxyType::NonTransfer => has(NON_TRANSFER) || has(GOVERNANCE),
		ProxyType::Governance => has(GOVERNANCE),
		ProxyType::MissionContributor => has(CONTRIBUTOR),
		ProxyType::MissionManager => has(CONTRIBUTOR) || has(MANAGER),
	}
}

/// What a proxy of type `proxy` may send, by the lists: a batch or a nested
/// proxy call only if every call inside may be sent.
fn expected(proxy: ProxyType, call: &RuntimeCall) -> bool {
	use pallet_utility::Call as U;
	match call {
		RuntimeCall::Utility(
			U::batch { calls } | U::batch_all { calls } | U::force_batch { calls },
		) => calls.iter().all(|c| expected(proxy, c)),
		RuntimeCall::Proxy(
			pallet_proxy::Call::proxy { call, .. }
			| pallet_proxy::Call::proxy_announced { call, .. },
		) => expected(proxy, call),
		_ => {
			let m = call.get_call_metadata();
			listed(proxy, m.pallet_name, m.function_name)
		}
	}
}

/// The simplest value of a type, SCALE-encoded: the first variant of an
/// enum, empty sequences, zero numbers.
fn simplest(types: &scale_info::PortableRegistry, id: u32, out: &mut Vec<u8>) {
	use scale_info::{TypeDef, TypeDefPrimitive as P};
	let ty = types.resolve(id).expect("the metadata names its types");
	match &ty.type_def {
		TypeDef::Composite(c) => c.fields.iter().for_each(|f| simplest(types, f.ty.id, out)),
		TypeDef::Variant(v) => {
			let first = v.variants.iter().min_by_key(|v| v.index).expect("an inhabited enum");
			out.push(first.index);
			first.fields.iter().for_each(|f| simplest(types, f.ty.id, out));
		}
		TypeDef::Sequence(_) | TypeDef::Compact(_) | TypeDef::BitSequence(_) => out.push(0),
		TypeDef::Array(a) => (0..a.len).for_each(|_| simplest(types, a.type_param.id, out)),
		TypeDef::Tuple(t) => t.fields.iter().for_each(|f| simplest(types, f.id, out)),
		TypeDef::Primitive(p) => {
			let size = match p {
				P::Bool | P::U8 | P::I8 | P::Str => 1,
				P::U16 | P::I16 => 2,
				P::U32 | P::I32 | P::Char => 4,
				P::U64 | P::I64 => 8,
				P::U128 | P::I128 => 16,
				P::U256 | P::I256 => 32,
			};
			out.extend(core::iter::repeat(0).take(size));
		}
	}
}

/// One call of every call variant of every pallet, built from the runtime's
/// metadata: a call added to any pallet is in this list without a line of
/// test code.
fn every_call() -> Vec<(String, RuntimeCall)> {
	use frame_support::__private::metadata::RuntimeMetadata;
	let metadata = sp_io::TestExternalities::default().execute_with(Runtime::metadata);
	let RuntimeMetadata::V14(meta) = metadata.1 else {
		panic!("the runtime's default metadata is V14")
	};
	let mut all = Vec::new();
	for pallet in &meta.pallets {
		let Some(calls) = &pallet.calls else { continue };
		let scale_info::TypeDef::Variant(variants) =
			&meta.types.resolve(calls.ty.id).expect("call type").type_def
		else {
			panic!("{}'s calls are an enum", pallet.name)
		};
		for v in &variants.variants {
			let mut bytes = vec![pallet.index, v.index];
			v.fields.iter().for_each(|f| simplest(&meta.types, f.ty.id, &mut bytes));
			let call = RuntimeCall::decode(&mut &bytes[..])
				.unwrap_or_else(|e| panic!("{}.{} decodes: {e:?}", pallet.name, v.name));
			assert_eq!(call.encode(), bytes, "{}.{} round-trips", pallet.name, v.name);
			all.push((format!("{}.{}", pallet.name, v.name), call));
		}
	}
	all
}

#[test]
fn every_call_of_the_runtime_meets_each_proxy_types_allow_list() {
	let calls = every_call();
	// Every pallet with calls is in the walk (a sanity check on the walk
	// itself, not a count to keep up to date).
	for pallet in ["System", "Balances", "Utility", "Proxy", "Multisig", "Identity", "Missions"] {
		assert!(calls.iter().any(|(n, _)| n.starts_with(&format!("{pallet}."))), "{pallet}");
	}
	let hidden_transfer = transfer(&who(Alice), UNIT);
	for proxy in ProxyType::ALL {
		for (name, call) in &calls {
			let want = expected(proxy, call);
			assert_eq!(proxy.filter(call), want, "{proxy:?} may send {name}: {want}");
			// Inside every container, at depth, the verdict is the call's.
			let wrapped = [
				batch(vec![call.clone()]),
				RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![call.clone()] }),
				RuntimeCall::Utility(pallet_utility::Call::force_batch {
					calls: vec![call.clone()],
				}),
				as_proxy(&who(Bob), call.clone()),
				batch(vec![as_proxy(&who(Bob), batch(vec![call.clone()]))]),
			];
			for w in wrapped {
				assert_eq!(proxy.filter(&w), want, "{proxy:?} may send {name} wrapped: {want}");
			}
			// A transfer hidden beside it is caught.
			let with_transfer = batch(vec![call.clone(), hidden_transfer.clone()]);
			assert_eq!(proxy.filter(&with_transfer), proxy == ProxyType::Any, "{proxy:?} {name}");
		}
	}
}

#[test]
fn every_call_the_allow_lists_name_exists() {
	// A list naming a call the runtime does not have (a typo, a rename)
	// would pass the walk above silently.
	let names: Vec<String> = every_call().into_iter().map(|(n, _)| n).collect();
	for list in [CONTRIBUTOR, MANAGER, GOVERNANCE, NON_TRANSFER] {
		for (pallet, call) in list {
			assert!(names.contains(&format!("{pallet}.{call}")), "{pallet}.{call} exists");
		}
	}
}

#[test]
fn is_superset_claims_exactly_what_the_allow_lists_cover() {
	let calls = every_call();
	for a in ProxyType::ALL {
		for b in ProxyType::ALL {
			let covers = calls.iter().all(|(_, c)| !b.filter(c) || a.filter(c));
			assert_eq!(a.is_superset(&b), covers, "{a:?} ⊇ {b:?}");
		}
	}
	assert!(ProxyType::Any.is_superset(&ProxyType::MissionManager));
	assert!(ProxyType::MissionManager.is_superset(&ProxyType::MissionContributor));
	assert!(!ProxyType::MissionContributor.is_superset(&ProxyType::MissionManager));
	assert_eq!(ProxyType::default(), ProxyType::Any);
}

#[test]
fn no_proxy_can_grant_a_stronger_proxy() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let (real, delegate, newcomer) = (who(Alice), who(Bob), who(Charlie));
		for held in ProxyType::ALL {
			for granted in ProxyType::ALL {
				let grant = RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
					delegate: MultiAddress::Id(newcomer.clone()),
					proxy_type: granted,
					delay: 0,
				});
				let snapshot = frame_support::storage::with_transaction(|| {
					assert_ok!(send(
						&real,
						RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
							delegate: MultiAddress::Id(delegate.clone()),
							proxy_type: held,
							delay: 0,
						})
					));
					let result = send(&delegate, as_proxy(&real, grant.clone()));
					let granted_it = pallet_proxy::Pallet::<Runtime>::find_proxy(
						&real,
						&newcomer,
						Some(granted),
					)
					.is_ok();
					sp_runtime::TransactionOutcome::Rollback(Ok::<_, DispatchError>((
						result,
						last_proxy_result(),
						granted_it,
					)))
				})
				.unwrap();
				let (outer, inner, granted_it) = snapshot;
				// Only a proxy allowed to manage proxies at all, and covering
				// the type it grants, may grant it.
				let may = held.is_superset(&granted)
					&& matches!(held, ProxyType::Any | ProxyType::NonTransfer);
				assert_ok!(outer);
				assert_eq!(granted_it, may, "{held:?} grants {granted:?}");
				if !may {
					assert_eq!(inner, Some(Err(filtered())), "{held:?} grants {granted:?}");
				}
			}
		}
	});
}

// ---------------------------------------------------------------------------
// A firm's life.
// ---------------------------------------------------------------------------

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
	System::events()
		.iter()
		.rev()
		.find_map(|e| match &e.event {
			RuntimeEvent::Multisig(pallet_multisig::Event::MultisigExecuted { result, .. }) => {
				Some(*result)
			}
			_ => None,
		})
		.expect("the second approval executes")
}

/// `proposer` proposes `call` with a threshold of every member, and Alice,
/// Bob and Charlie (the founders' council) vote for it.
fn council_passes(proposer: &AccountId, call: RuntimeCall) -> DispatchResult {
	let length = call.encode().len() as u32;
	let weight = call.get_dispatch_info().total_weight();
	let hash = BlakeTwo256::hash_of(&call);
	let index = pallet_collective::ProposalCount::<
		Runtime,
		crate::configs::governance::CouncilCollective,
	>::get();
	let members = pallet_consortium::MemberList::<Runtime>::get().len() as u32;
	let propose = RuntimeCall::Council(pallet_collective::Call::propose {
		threshold: members,
		proposal: Box::new(call),
		length_bound: length,
	});
	let vote = |aye| {
		RuntimeCall::Council(pallet_collective::Call::vote { proposal: hash, index, approve: aye })
	};
	send(proposer, propose)?;
	for k in [Alice, Bob, Charlie] {
		send(&who(k), vote(true))?;
	}
	send(
		&who(Alice),
		RuntimeCall::Council(pallet_collective::Call::close {
			proposal_hash: hash,
			index,
			proposal_weight_bound: weight,
			length_bound: length,
		}),
	)?;
	System::events()
		.iter()
		.rev()
		.find_map(|e| match &e.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => {
				Some(*result)
			}
			_ => None,
		})
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

// ---------------------------------------------------------------------------
// docs/MEMBERS.md's table of proxy types, held to the lists above (which the
// test above holds to the runtime's filter): the guide cannot drift.
// ---------------------------------------------------------------------------

const MEMBERS_MD: &str = include_str!("../../../docs/MEMBERS.md");

/// `signTerms` → `sign_terms`; `missions` → `Missions`.
fn snake(name: &str) -> String {
	let mut out = String::new();
	for c in name.chars() {
		if c.is_ascii_uppercase() {
			out.push('_');
			out.push(c.to_ascii_lowercase());
		} else {
			out.push(c);
		}
	}
	out
}

fn pallet_name(js: &str) -> String {
	let mut chars = js.chars();
	chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// The calls named in backticks in `text`, as (pallet, call): `pallet.call`
/// names its pallet, a bare `call` is of the last pallet named (or `pallet`).
fn calls_named(text: &str, mut pallet: Option<String>) -> Vec<(String, String)> {
	let mut out = Vec::new();
	for token in text.split('`').skip(1).step_by(2) {
		let call = match token.split_once('.') {
			Some((p, call)) => {
				pallet = Some(pallet_name(p));
				call
			}
			None => token,
		};
		let pallet = pallet.clone().unwrap_or_else(|| panic!("`{token}` names no pallet"));
		out.push((pallet, snake(call)));
	}
	out.sort();
	out
}

/// The second cell of the table row for `proxy`.
fn members_md_row(proxy: &str) -> &'static str {
	let start = format!("| `{proxy}` | ");
	let row = MEMBERS_MD
		.lines()
		.find(|l| l.starts_with(&start))
		.unwrap_or_else(|| panic!("docs/MEMBERS.md has a row for `{proxy}`"));
	row[start.len()..].trim_end_matches(['|', ' '])
}

fn sorted(list: &[(&str, &str)]) -> Vec<(String, String)> {
	let mut out: Vec<_> = list.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect();
	out.sort();
	out
}

#[test]
fn members_md_states_each_proxy_types_calls() {
	assert_eq!(calls_named(members_md_row("MissionContributor"), None), sorted(CONTRIBUTOR));
	let manager = members_md_row("MissionManager");
	let (before, after) = manager.split_once("the contributor's calls, and ").expect(
		"the manager's row starts from the contributor's calls (MissionManager covers them)",
	);
	assert!(before.is_empty(), "{manager}");
	assert_eq!(calls_named(after, None), sorted(MANAGER));
	assert_eq!(calls_named(members_md_row("Governance"), None), sorted(GOVERNANCE));
	// The non-transfer row is prose; its mission calls are listed in parentheses,
	// and the ones it may not send after "Not".
	let row = members_md_row("NonTransfer");
	let missions = row
		.split_once("the mission calls that neither stake nor pay (")
		.and_then(|(_, rest)| rest.split_once(')'))
		.map(|(list, _)| list)
		.expect("the non-transfer row lists its mission calls");
	let of_missions: Vec<_> =
		NON_TRANSFER.iter().copied().filter(|(p, _)| *p == "Missions").collect();
	assert_eq!(calls_named(missions, Some("Missions".into())), sorted(&of_missions));
	let (_, refused) = row.rsplit_once("Not ").expect("the row says what it may not send");
	for (pallet, call) in calls_named(refused, Some("Missions".into())) {
		assert!(
			!listed(ProxyType::NonTransfer, &pallet, &call),
			"docs/MEMBERS.md says NonTransfer may not send {pallet}.{call}"
		);
	}
}
