//! The allow-lists, checked against every call the runtime has.

use super::*;

/// The allow-lists as docs/MEMBERS.md states them, by pallet and call name as the
/// metadata spells them. Written apart from the filter, so that a change to
/// either shows up here.
pub(super) const CONTRIBUTOR: &[(&str, &str)] = &[
	("Missions", "commit"),
	("Missions", "withdraw_commitment"),
	("Missions", "sign_terms"),
	("Missions", "submit_deliverable"),
	("Missions", "dispute_milestone"),
	("Missions", "abandon"),
	("Missions", "claim"),
	("Missions", "agree_amendment"),
];
pub(super) const MANAGER: &[(&str, &str)] = &[
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
pub(super) const GOVERNANCE: &[(&str, &str)] = &[
	("Council", "propose"),
	("Council", "vote"),
	("Council", "close"),
	("Council", "release_proposal_cost"),
	("Consortium", "apply"),
	("Consortium", "withdraw_application"),
];
pub(super) const NON_TRANSFER: &[(&str, &str)] = &[
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

pub(super) fn listed(proxy: ProxyType, pallet: &str, call: &str) -> bool {
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
			out.extend(std::iter::repeat_n(0, size));
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

/// Where the board reads what each proxy type may send.
const BOARD_ALLOW_LISTS: &str =
	concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src/lib/proxy-types.ts");

/// The board's allow-lists, from the runtime's own filter run over every call
/// of the runtime: for each proxy type but `Any` (which allows everything), the
/// `Pallet.call` names it passes, as the metadata and the board's typed API
/// spell them.
fn board_allow_lists() -> String {
	let calls = every_call();
	let mut out = String::from(
		"// Generated by the runtime's test `the_boards_allow_lists_are_the_runtimes`\n\
		 // (runtime/src/tests/organizations/allow_lists.rs) from the proxy filter itself,\n\
		 // run over every call of the runtime. Do not edit: the test fails while this\n\
		 // file differs (PEER_WRITE_TYPES=1 writes it).\n\n\
		 /** A proxy type of the runtime (`ProxyType`). */\n\
		 export type ProxyTypeName = 'Any' | 'NonTransfer' | 'Governance' | 'MissionContributor' | 'MissionManager';\n\n\
		 /** The calls each proxy type may send, as `Pallet.call`; `Any` may send every call. */\n\
		 export const PROXY_ALLOWS: Readonly<Record<Exclude<ProxyTypeName, 'Any'>, readonly string[]>> = {\n",
	);
	for proxy in ProxyType::ALL {
		if proxy == ProxyType::Any {
			continue;
		}
		let mut names: Vec<&str> =
			calls.iter().filter(|(_, c)| proxy.filter(c)).map(|(n, _)| n.as_str()).collect();
		names.sort();
		out.push_str(&format!("  {proxy:?}: [\n"));
		for name in names {
			out.push_str(&format!("    '{name}',\n"));
		}
		out.push_str("  ],\n");
	}
	out.push_str("};\n");
	out
}

#[test]
fn the_boards_allow_lists_are_the_runtimes() {
	let want = board_allow_lists();
	if std::env::var("PEER_WRITE_TYPES").is_ok() {
		std::fs::write(BOARD_ALLOW_LISTS, &want).expect("app/src/lib is writable");
	}
	let have = std::fs::read_to_string(BOARD_ALLOW_LISTS).unwrap_or_default();
	assert!(
		have == want,
		"app/src/lib/proxy-types.ts is not what the runtime's filter allows: \
		 PEER_WRITE_TYPES=1 cargo test -p peer-runtime allow_lists writes it"
	);
}
