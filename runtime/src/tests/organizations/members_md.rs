//! docs/MEMBERS.md's table of proxy types, held to the lists of `allow_lists`
//! (which its tests hold to the runtime's filter): the guide cannot drift.

use super::*;

const MEMBERS_MD: &str = include_str!("../../../../docs/MEMBERS.md");

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
