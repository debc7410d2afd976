//! What the HTTP API answers, as types. The board's TypeScript types for these
//! answers (`app/src/indexer/types.ts`) are generated from them by the test at
//! the end of this file, which fails while the committed file differs: the
//! board never keeps a hand-written copy. After changing a type here:
//! `PEER_WRITE_TYPES=1 cargo test -p peer-indexer answers` writes the file.
//!
//! Whole numbers that fit JavaScript's `number` are numbers; amounts are
//! decimal strings (an amount may exceed 2⁵³).

#[cfg(test)]
use crate::extract::Kind;
use crate::extract::{MissionPhase, Role};
use serde::Serialize;

/// `GET /health`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Health {
	/// The last block written, if any.
	pub indexed: Option<u32>,
	#[cfg_attr(test, ts(type = "number"))]
	pub events: u64,
}

/// A mission in a list (`GET /missions`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndexedMission {
	pub id: u32,
	pub owner: String,
	/// In the mission's asset's smallest unit.
	pub budget: String,
	pub deadline: u32,
	pub status: MissionPhase,
	/// The block it was created in.
	pub created: u32,
	/// The block it completed, was cancelled or expired in.
	pub ended: Option<u32>,
}

/// Someone who took part in a mission.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MissionAccount {
	pub account: String,
	pub role: Role,
}

/// One mission with everyone on it and every event naming it (`GET /missions/{id}`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MissionHistory {
	#[serde(flatten)]
	pub mission: IndexedMission,
	pub accounts: Vec<MissionAccount>,
	pub timeline: Vec<IndexedEvent>,
}

/// An event as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndexedEvent {
	pub block: u32,
	/// The block's time, ms since the epoch.
	#[cfg_attr(test, ts(type = "number"))]
	pub time: u64,
	pub index: u32,
	pub extrinsic: Option<u32>,
	pub pallet: String,
	pub name: String,
	/// The event's fields as JSON text, named as the block's runtime names them.
	pub detail: String,
	pub mission: Option<u32>,
	pub signer: Option<String>,
	/// The account the signer acted for (a proxy's real account, a multisig).
	pub real: Option<String>,
}

/// A council motion and every vote on it (`GET /motions`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndexedMotion {
	pub hash: String,
	pub index: u32,
	pub proposer: String,
	pub threshold: u32,
	/// The call proposed, `Pallet.call {json}`, if it was found.
	pub call: Option<String>,
	pub status: String,
	pub executed: Option<bool>,
	pub block: u32,
	pub votes: Vec<IndexedVote>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndexedVote {
	pub account: String,
	pub aye: bool,
	pub block: u32,
}

/// A page of an account's statement (`GET /accounts/{ss58}/statement`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StatementPage {
	pub account: String,
	/// `PEER` or an asset's id.
	pub asset: String,
	pub lines: Vec<StatementEntry>,
	/// The change of free balance over the whole period.
	pub free_total: String,
	/// Lines in the whole period.
	pub total_lines: u32,
	/// Where the next page starts, if there is one.
	pub next_offset: Option<u32>,
}

/// One balance movement in a statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StatementEntry {
	pub block: u32,
	#[cfg_attr(test, ts(type = "number"))]
	pub time: u64,
	pub extrinsic: Option<u32>,
	/// What the movement is: one of `extract::Kind`'s words.
	#[cfg_attr(test, ts(type = "MovementKind"))]
	pub kind: String,
	pub mission: Option<u32>,
	pub free: String,
	pub held: String,
}

/// An answer that is not a 200.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndexerError {
	pub error: String,
}

/// Kind's words as a TypeScript union: every word of a fixed reason, and the
/// patterns another pallet's hold reason (`Pallet(Reason)`) makes.
#[cfg(test)]
fn movement_kind_ts() -> String {
	let mut words: Vec<String> =
		Kind::examples().iter().map(|k| format!("{:?}", k.to_string())).collect();
	words.sort();
	words.dedup();
	let patterns = Kind::other_patterns().iter().map(|p| format!("`{p}`")).collect::<Vec<_>>();
	format!(
		"export type MovementKind =\n  | {}\n  | {};\n",
		words.join("\n  | "),
		patterns.join("\n  | ")
	)
}

/// `GET /multisig-calls/{hash}`: the call a multisig operation carries, as the
/// first approval's extrinsic gave it (check it against the hash before use).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MultisigCall {
	pub hash: String,
	/// The call's SCALE encoding, `0x…`.
	pub data: String,
}

/// A document of a mission (`/documents`): its record, and its text when a
/// listing carries it inline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DocumentAnswer {
	/// Its blake2-256, `0x…`: the hash the chain holds.
	pub hash: String,
	pub mission: u32,
	#[cfg_attr(test, ts(type = "DocumentKind"))]
	pub kind: String,
	pub milestone: Option<u32>,
	pub name: String,
	/// As sniffed by the store, never as the uploader said.
	pub content_type: String,
	#[cfg_attr(test, ts(type = "number"))]
	pub size: u64,
	/// The key that signed the upload.
	pub uploader: String,
	/// The account it spoke for (the signer, a firm's multisig, or the proxied account).
	pub account: String,
	/// When it was uploaded (ms since the epoch).
	#[cfg_attr(test, ts(type = "number"))]
	pub uploaded: u64,
	/// Whether the chain does not hold its hash yet.
	pub pending: bool,
	/// The text, for a text document of at most 64 KiB in a listing.
	pub text: Option<String>,
}

/// `GET /documents/challenge`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DocumentChallenge {
	pub challenge: String,
	/// Seconds it may be answered in.
	pub expires_in: u32,
}

/// A refused document request: the message and a word for the board.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DocumentRefused {
	pub error: String,
	pub code: String,
}

#[cfg(test)]
mod tests {
	use super::*;
	use ts_rs::{Config, TS};

	const TYPES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src/indexer/types.ts");

	fn generated() -> String {
		let cfg = Config::new().with_large_int("number");
		let decls = [
			Health::decl(&cfg),
			IndexedMission::decl(&cfg),
			MissionAccount::decl(&cfg),
			MissionHistory::decl(&cfg),
			IndexedEvent::decl(&cfg),
			IndexedMotion::decl(&cfg),
			IndexedVote::decl(&cfg),
			StatementPage::decl(&cfg),
			StatementEntry::decl(&cfg),
			IndexerError::decl(&cfg),
			MissionPhase::decl(&cfg),
			Role::decl(&cfg),
			MultisigCall::decl(&cfg),
			DocumentAnswer::decl(&cfg),
			DocumentChallenge::decl(&cfg),
			DocumentRefused::decl(&cfg),
		];
		let phases = MissionPhase::ALL
			.iter()
			.map(|p| serde_json::to_string(p).expect("a phase serializes"))
			.collect::<Vec<_>>()
			.join(", ");
		let ended = MissionPhase::ALL
			.iter()
			.filter(|p| p.ended())
			.map(|p| serde_json::to_string(p).expect("a phase serializes"))
			.collect::<Vec<_>>()
			.join(", ");
		let mut out = String::from(
			"// Generated from indexer/src/answers.rs by its test (PEER_WRITE_TYPES=1 cargo test -p peer-indexer answers).\n\
			 // Do not edit: the test fails while this file differs from what it generates.\n\n",
		);
		for decl in decls {
			out.push_str("export ");
			out.push_str(&decl);
			out.push_str("\n\n");
		}
		out.push_str(&movement_kind_ts());
		let kinds = crate::documents::rules::Kind::ALL
			.iter()
			.map(|k| format!("{:?}", k.as_str()))
			.collect::<Vec<_>>();
		out.push_str(&format!(
			"\n/** What a document is to its mission. */\nexport type DocumentKind = {};\n\nexport const DOCUMENT_KINDS: readonly DocumentKind[] = [{}];\n",
			kinds.join(" | "),
			kinds.join(", ")
		));
		out.push_str(&format!(
			"\n/** Every phase, in the order a mission goes through them. */\nexport const MISSION_PHASES: readonly MissionPhase[] = [{phases}];\n\
			 \n/** The phases of a mission that is over. */\nexport const ENDED_PHASES: readonly MissionPhase[] = [{ended}];\n"
		));
		out
	}

	#[test]
	fn the_boards_types_are_generated_from_the_answers() {
		let want = generated();
		if std::env::var("PEER_WRITE_TYPES").is_ok() {
			std::fs::write(TYPES, &want).expect("app/src/indexer/types.ts is writable");
		}
		let have = std::fs::read_to_string(TYPES).unwrap_or_default();
		assert!(
			have == want,
			"app/src/indexer/types.ts is not what indexer/src/answers.rs generates; write it with \
			 PEER_WRITE_TYPES=1 cargo test -p peer-indexer answers\n--- generated ---\n{want}"
		);
	}

	#[test]
	fn every_kind_of_movement_is_one_of_the_boards_words() {
		let ts = movement_kind_ts();
		for kind in Kind::examples() {
			assert!(ts.contains(&format!("{:?}", kind.to_string())), "{kind} missing from {ts}");
		}
		// Another pallet's hold reason fits a pattern.
		let other = Kind::Held(crate::extract::Reason::Other("Preimage(Preimage)".into()));
		assert_eq!(other.to_string(), "Preimage(Preimage) held");
		assert!(Kind::other_patterns().contains(&"${string} held".to_string()));
	}
}
