//! The store's rules, apart from any I/O: what each kind of document is, who
//! may upload it, what the chain must hold for it, and what is served.

use super::{access::ProofError, facts::MissionFacts};
use sp_core::{crypto::AccountId32, H256};

/// What a document is to its mission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
	/// What the mission asks (its hash: the mission's `content_hash`).
	Description,
	/// What a milestone must deliver (its hash: the milestone's `description_hash`).
	Milestone,
	/// What a contributor delivered (the milestone's latest deliverable).
	Deliverable,
	/// The owner's reasons for rejecting a deliverable (the rejection's `reason_hash`).
	Rejection,
	/// A party's statement while the milestone is disputed: the chain holds no
	/// hash of it, the signature is its proof.
	Statement,
}

impl Kind {
	pub const ALL: [Kind; 5] =
		[Kind::Description, Kind::Milestone, Kind::Deliverable, Kind::Rejection, Kind::Statement];

	pub fn as_str(self) -> &'static str {
		match self {
			Kind::Description => "description",
			Kind::Milestone => "milestone",
			Kind::Deliverable => "deliverable",
			Kind::Rejection => "rejection",
			Kind::Statement => "statement",
		}
	}

	#[allow(clippy::should_implement_trait)]
	pub fn from_str(s: &str) -> Option<Kind> {
		Kind::ALL.into_iter().find(|k| k.as_str() == s)
	}

	/// The largest document of this kind.
	pub fn max_size(self) -> usize {
		match self {
			Kind::Description | Kind::Milestone => 5 << 20,
			Kind::Deliverable => 25 << 20,
			Kind::Rejection | Kind::Statement => 1 << 20,
		}
	}

	/// Whether it belongs to one milestone.
	pub fn per_milestone(self) -> bool {
		self != Kind::Description
	}

	/// Whether it is part of what the mission asks: the only kinds an owner can
	/// open to every member.
	pub fn asks(self) -> bool {
		matches!(self, Kind::Description | Kind::Milestone)
	}
}

/// Why a request is refused. Each has a word (`code`) for the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
	Proof(ProofError),
	/// The proxy named is not one the chain holds (or it is delayed).
	NotAProxy,
	NoMission(u32),
	/// The mission is over: nothing more is uploaded.
	Ended,
	NoMilestone,
	MilestoneNeeded,
	OwnerOnly,
	/// A deliverable is uploaded by someone committed to the mission.
	ContributorOnly,
	/// Statements are made by the mission's parties while a dispute is open.
	NoDispute,
	/// The reader is not on the mission (nor the council during a dispute,
	/// nor a member of a public mission reading what it asks).
	NotOnMission {
		disputed: bool,
		public: bool,
	},
	UnknownDocument,
	/// The chain holds another hash for this document, for good (a mission's
	/// description, an existing milestone's specification).
	HashMismatch,
	/// The chain does not hold its hash yet.
	Pending,
	TooLarge {
		max: usize,
	},
	Empty,
	/// A text kind that is not UTF-8 text or a PDF.
	NotText,
	TooManyPending,
	TooManyStatements,
	RateLimited,
	Chain(String),
	Internal(String),
}

impl Refusal {
	pub fn code(&self) -> &'static str {
		match self {
			Refusal::Proof(ProofError::UnknownChallenge) => "challenge",
			Refusal::Proof(ProofError::NotASignatory) => "not_a_signatory",
			Refusal::Proof(_) => "signature",
			Refusal::NotAProxy => "not_a_proxy",
			Refusal::NoMission(_) => "no_mission",
			Refusal::Ended => "ended",
			Refusal::NoMilestone | Refusal::MilestoneNeeded => "milestone",
			Refusal::OwnerOnly => "owner_only",
			Refusal::ContributorOnly => "contributor_only",
			Refusal::NoDispute => "no_dispute",
			Refusal::NotOnMission { .. } => "not_on_mission",
			Refusal::UnknownDocument => "unknown_document",
			Refusal::HashMismatch => "hash_mismatch",
			Refusal::Pending => "pending",
			Refusal::TooLarge { .. } => "too_large",
			Refusal::Empty => "empty",
			Refusal::NotText => "not_text",
			Refusal::TooManyPending => "too_many_pending",
			Refusal::TooManyStatements => "too_many_statements",
			Refusal::RateLimited => "rate_limited",
			Refusal::Chain(_) => "chain",
			Refusal::Internal(_) => "internal",
		}
	}

	/// The HTTP status.
	pub fn status(&self) -> u16 {
		match self {
			Refusal::Proof(_) => 401,
			Refusal::NotAProxy
			| Refusal::OwnerOnly
			| Refusal::ContributorOnly
			| Refusal::NotOnMission { .. }
			| Refusal::Ended
			| Refusal::NoDispute => 403,
			Refusal::NoMission(_) | Refusal::UnknownDocument => 404,
			Refusal::Pending => 409,
			Refusal::TooLarge { .. } => 413,
			Refusal::HashMismatch => 422,
			Refusal::NotText | Refusal::Empty | Refusal::NoMilestone | Refusal::MilestoneNeeded => {
				400
			}
			Refusal::TooManyPending | Refusal::TooManyStatements | Refusal::RateLimited => 429,
			Refusal::Chain(_) => 503,
			Refusal::Internal(_) => 500,
		}
	}
}

impl std::fmt::Display for Refusal {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		match self {
			Refusal::Proof(e) => write!(f, "{e}"),
			Refusal::NotAProxy => f.write_str(
				"the signer is not a proxy (without delay) of the account it acts for, on chain",
			),
			Refusal::NoMission(id) => write!(f, "there is no mission {id}"),
			Refusal::Ended => f.write_str("the mission is over: nothing more is uploaded to it"),
			Refusal::NoMilestone => f.write_str("the mission has no such milestone"),
			Refusal::MilestoneNeeded => f.write_str("this kind of document belongs to a milestone: name it"),
			Refusal::OwnerOnly => f.write_str("only the mission's owner (or who acts for it) may do this"),
			Refusal::ContributorOnly => f.write_str(
				"a deliverable is uploaded by a contributor of the mission (or who acts for one)",
			),
			Refusal::NoDispute => f.write_str(
				"statements are made by the mission's owner and contributors while the milestone is disputed",
			),
			Refusal::NotOnMission { disputed, public } => {
				f.write_str(
					"only the mission's owner, the accounts committed to it (pending or accepted) and \
					 their proxies may read its documents",
				)?;
				f.write_str(if *disputed {
					"; the council's members too, while its dispute is open"
				} else {
					"; the council's members too while a dispute is open (none is)"
				})?;
				f.write_str(if *public {
					"; its description and milestones are open to members of the consortium"
				} else {
					""
				})
			}
			Refusal::UnknownDocument => f.write_str("the store holds no document with this hash"),
			Refusal::HashMismatch => f.write_str(
				"the chain holds another hash for this document: these are not the bytes the \
				 mission was posted with",
			),
			Refusal::Pending => f.write_str(
				"the chain does not hold this document's hash yet (its transaction is not final): \
				 try again in a few seconds",
			),
			Refusal::TooLarge { max } => write!(f, "too large: at most {} KiB for this kind", max / 1024),
			Refusal::Empty => f.write_str("the document is empty"),
			Refusal::NotText => f.write_str(
				"this kind is text (UTF-8, Markdown) or a PDF; attach other files as deliverables",
			),
			Refusal::TooManyPending => write!(
				f,
				"{} uploads of this account already wait for the chain: send their transactions first",
				super::MAX_PENDING_PER_ACCOUNT
			),
			Refusal::TooManyStatements => write!(
				f,
				"at most {} statements per party and milestone",
				super::MAX_STATEMENTS
			),
			Refusal::RateLimited => f.write_str("too many requests: wait a minute"),
			Refusal::Chain(e) => write!(f, "the chain could not be asked: {e}"),
			Refusal::Internal(e) => write!(f, "the store failed: {e}"),
		}
	}
}

/// Whether the chain holds `hash` for this mission, kind and milestone.
pub fn chain_holds(m: &MissionFacts, kind: Kind, milestone: Option<u32>, hash: &H256) -> bool {
	let ms = milestone.and_then(|i| m.milestones.get(i as usize));
	match kind {
		Kind::Description => &m.description == hash,
		Kind::Milestone => ms.is_some_and(|x| &x.spec == hash),
		Kind::Deliverable => {
			ms.is_some_and(|x| x.deliverable.as_ref().is_some_and(|d| &d.0 == hash))
		}
		Kind::Rejection => ms.is_some_and(|x| x.reason.as_ref() == Some(hash)),
		Kind::Statement => true,
	}
}

/// Whether `who` may upload a document of `kind` with `hash` to mission `m`:
/// `Ok(true)` if the chain holds its hash, `Ok(false)` if it is kept pending
/// until it does.
pub fn may_upload(
	m: &MissionFacts,
	who: &AccountId32,
	kind: Kind,
	milestone: Option<u32>,
	hash: &H256,
) -> Result<bool, Refusal> {
	if !m.live {
		return Err(Refusal::Ended);
	}
	match (kind.per_milestone(), milestone) {
		(true, None) => return Err(Refusal::MilestoneNeeded),
		(false, Some(_)) => return Err(Refusal::NoMilestone),
		(true, Some(i)) if i as usize >= m.milestones.len() && kind != Kind::Milestone => {
			return Err(Refusal::NoMilestone)
		}
		_ => {}
	}
	match kind {
		Kind::Description | Kind::Milestone | Kind::Rejection if &m.owner != who => {
			return Err(Refusal::OwnerOnly)
		}
		Kind::Deliverable if !m.committed.contains(who) => return Err(Refusal::ContributorOnly),
		Kind::Statement => {
			let disputed =
				milestone.and_then(|i| m.milestones.get(i as usize)).is_some_and(|x| x.disputed);
			if !disputed || !m.is_party(who) {
				return Err(Refusal::NoDispute);
			}
		}
		_ => {}
	}
	let held = chain_holds(m, kind, milestone, hash);
	// A description and an existing milestone's specification never change:
	// other bytes will never be held. A deliverable or a rejection may still be
	// on its way to finality.
	let fixed = match kind {
		Kind::Description => true,
		Kind::Milestone => milestone.is_some_and(|i| (i as usize) < m.milestones.len()),
		_ => false,
	};
	if !held && fixed {
		return Err(Refusal::HashMismatch);
	}
	Ok(held)
}

/// The content type served for `bytes`, sniffed (never trusted from the
/// uploader), or why this kind refuses it. Text is served as `text/plain` or
/// `text/markdown`, never as HTML.
pub fn check_content(kind: Kind, name: &str, bytes: &[u8]) -> Result<String, Refusal> {
	if bytes.is_empty() {
		return Err(Refusal::Empty);
	}
	if bytes.len() > kind.max_size() {
		return Err(Refusal::TooLarge { max: kind.max_size() });
	}
	let sniffed = sniff(bytes);
	let text_kind = !matches!(kind, Kind::Deliverable);
	if text_kind && !(sniffed.starts_with("text/") || sniffed == "application/pdf") {
		return Err(Refusal::NotText);
	}
	Ok(if sniffed == "text/plain" && name.to_ascii_lowercase().ends_with(".md") {
		"text/markdown".to_string()
	} else {
		sniffed.to_string()
	})
}

/// The type of `bytes` by their first bytes; UTF-8 without control bytes is text.
pub fn sniff(bytes: &[u8]) -> &'static str {
	const MAGIC: [(&[u8], &str); 8] = [
		(b"%PDF-", "application/pdf"),
		(b"\x89PNG\r\n\x1a\n", "image/png"),
		(b"\xff\xd8\xff", "image/jpeg"),
		(b"GIF87a", "image/gif"),
		(b"GIF89a", "image/gif"),
		(b"PK\x03\x04", "application/zip"),
		(b"\x1f\x8b", "application/gzip"),
		(b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
	];
	if let Some((_, t)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
		return t;
	}
	match std::str::from_utf8(bytes) {
		Ok(s) if !s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) => {
			"text/plain"
		}
		_ => "application/octet-stream",
	}
}

/// A file name safe in a `Content-Disposition` header and on any disk: no
/// path, no control characters, no quotes, at most 120 characters.
pub fn clean_name(name: &str) -> String {
	let base = name.rsplit(['/', '\\']).next().unwrap_or("");
	let cleaned: String = base
		.chars()
		.filter(|c| !c.is_control() && !matches!(c, '"' | ';' | '\\'))
		.take(120)
		.collect();
	let cleaned = cleaned.trim().trim_start_matches('.').to_string();
	if cleaned.is_empty() {
		"document".into()
	} else {
		cleaned
	}
}
