//! The document store: what a mission asks and what was delivered, kept where
//! the people on the mission (and the council while a dispute is open) can read
//! it, and no one else.
//!
//! The chain keeps the hash of every document as the proof (a mission's
//! description, each milestone's specification, each deliverable, the owner's
//! reasons for a rejection); the store keeps the bytes, accepts them only when
//! their blake2-256 is the hash the chain holds for that mission and kind (or
//! keeps them pending for [`PENDING_LIFE`] while the transaction is on its way
//! to finality), and gives them back to a signed request whose signer the
//! chain's state at the finalized head allows ([`access`], [`rules`]).
//!
//! It lives in `peer-indexer` because an ended mission's people are known only
//! from the history the indexer keeps (the chain forgets a mission once it is
//! over), and the two share the node connection, the metadata decoding and the
//! HTTP server; its files (an index in SQLite, the bytes on the local
//! filesystem or in S3-compatible object storage) are its own, apart from the
//! history, because the history can be indexed again from the chain and the
//! documents cannot: they are what operators back up.

pub mod access;
pub mod facts;
pub mod http;
pub mod rules;

use access::{Challenges, Proof, Speaker};
use facts::{Facts, MissionFacts};
use object_store::{path::Path as BlobPath, ObjectStore, ObjectStoreExt, PutPayload};
use rules::{Kind, Refusal};
use rusqlite::{params, Connection, OptionalExtension};
use sp_core::{crypto::Ss58Codec, H256};
use std::{
	sync::{Arc, Mutex},
	time::{Duration, SystemTime, UNIX_EPOCH},
};

/// How long an upload whose hash the chain does not hold yet is kept waiting
/// for it (a transaction is final within seconds; an amendment agreed by every
/// contributor may take longer: upload its specifications once agreed).
pub const PENDING_LIFE: Duration = Duration::from_secs(600);
/// The most uploads one account may have pending at once.
pub const MAX_PENDING_PER_ACCOUNT: u32 = 10;
/// The most statements one account may make about one milestone's dispute.
pub const MAX_STATEMENTS: u32 = 3;
/// The largest text returned inline by a listing (larger ones are read one by one).
pub const INLINE_TEXT: usize = 64 * 1024;

fn now_ms() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

fn hex(b: &[u8]) -> String {
	format!("0x{}", crate::chain::hex(b))
}

/// A stored document's record.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
	pub hash: H256,
	pub mission: u32,
	pub kind: Kind,
	pub milestone: Option<u32>,
	pub name: String,
	pub content_type: String,
	pub size: u64,
	/// Who signed the upload and whom it spoke for.
	pub uploader: String,
	pub account: String,
	pub uploaded_ms: u64,
	/// `None` once the chain holds its hash (or it needs none: a statement);
	/// else when it is dropped.
	pub pending_until: Option<u64>,
}

/// An upload, as it arrives.
pub struct Upload {
	pub mission: u32,
	pub kind: Kind,
	pub milestone: Option<u32>,
	pub name: String,
	pub bytes: bytes::Bytes,
	pub proof: Proof,
}

impl Upload {
	/// The words the uploader signs.
	pub fn action(mission: u32, kind: Kind, milestone: Option<u32>, hash: &H256) -> String {
		let m = milestone.map(|m| m.to_string()).unwrap_or_else(|| "-".into());
		format!(
			"upload mission={mission} kind={} milestone={m} hash={}",
			kind.as_str(),
			hex(&hash.0)
		)
	}
}

/// The store: its index, its bytes, the challenges it issued and the chain.
pub struct Documents {
	db: Mutex<Connection>,
	blobs: Arc<dyn ObjectStore>,
	pub challenges: Challenges,
	facts: Arc<dyn Facts>,
	pub limits: http::Limits,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
	hash TEXT NOT NULL, mission INTEGER NOT NULL, kind TEXT NOT NULL, milestone INTEGER,
	name TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL,
	uploader TEXT NOT NULL, account TEXT NOT NULL, uploaded_ms INTEGER NOT NULL,
	pending_until INTEGER,
	PRIMARY KEY (hash, mission, kind, milestone, account)
);
CREATE INDEX IF NOT EXISTS documents_mission ON documents (mission);
CREATE TABLE IF NOT EXISTS public_missions (
	mission INTEGER PRIMARY KEY, by TEXT NOT NULL, at_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS access_log (
	at_ms INTEGER NOT NULL, action TEXT NOT NULL, signer TEXT NOT NULL, account TEXT NOT NULL,
	hash TEXT, mission INTEGER, outcome TEXT NOT NULL
);
PRAGMA journal_mode = WAL;
";

fn sql(e: rusqlite::Error) -> Refusal {
	Refusal::Internal(e.to_string())
}

impl Documents {
	/// The store with its index at `index` (SQLite; created if missing) and
	/// its bytes in `blobs`.
	pub fn open(
		index: &str,
		blobs: Arc<dyn ObjectStore>,
		facts: Arc<dyn Facts>,
	) -> Result<Self, String> {
		let db = Connection::open(index).map_err(|e| format!("{index}: {e}"))?;
		db.execute_batch(SCHEMA).map_err(|e| format!("{index}: {e}"))?;
		Ok(Self {
			db: Mutex::new(db),
			blobs,
			challenges: Challenges::default(),
			facts,
			limits: http::Limits::default(),
		})
	}

	fn db(&self) -> std::sync::MutexGuard<'_, Connection> {
		self.db.lock().unwrap_or_else(|e| e.into_inner())
	}

	/// Notes a request and its outcome, with the account, in the access log
	/// and on standard error.
	fn log(
		&self,
		action: &str,
		speaker: Option<&Speaker>,
		hash: Option<&H256>,
		mission: Option<u32>,
		outcome: &str,
	) {
		let (signer, account) = speaker
			.map(|s| (s.signer.to_ss58check(), s.account().to_ss58check()))
			.unwrap_or_default();
		let hash = hash.map(|h| hex(&h.0));
		eprintln!(
			"[documents] {action} {} mission {} by {}: {outcome}",
			hash.as_deref().unwrap_or("-"),
			mission.map(|m| m.to_string()).unwrap_or_else(|| "-".into()),
			speaker.map(|s| s.describe()).unwrap_or_else(|| "?".into()),
		);
		let _ = self.db().execute(
			"INSERT INTO access_log (at_ms, action, signer, account, hash, mission, outcome)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			params![now_ms() as i64, action, signer, account, hash, mission, outcome],
		);
	}

	/// The speaker, with its proxy checked against the chain.
	async fn speaker(&self, proof: &Proof, action: &str) -> Result<Speaker, Refusal> {
		let speaker = proof.check(action, &self.challenges).map_err(Refusal::Proof)?;
		if let Some(principal) = &speaker.acting_for {
			let delegates =
				self.facts.delegates(principal.clone()).await.map_err(Refusal::Chain)?;
			if !delegates.contains(speaker.delegate()) {
				return Err(Refusal::NotAProxy);
			}
		}
		Ok(speaker)
	}

	async fn mission(&self, id: u32) -> Result<MissionFacts, Refusal> {
		self.facts.mission(id).await.map_err(Refusal::Chain)?.ok_or(Refusal::NoMission(id))
	}

	/// Stores an upload: checked, signed, its hash held by the chain (or pending).
	pub async fn upload(&self, up: Upload) -> Result<Record, Refusal> {
		let hash = H256(sp_crypto_hashing::blake2_256(&up.bytes));
		let action = Upload::action(up.mission, up.kind, up.milestone, &hash);
		let speaker = match self.speaker(&up.proof, &action).await {
			Ok(s) => s,
			Err(e) => {
				self.log("upload", None, Some(&hash), Some(up.mission), &e.to_string());
				return Err(e);
			}
		};
		let outcome = self.upload_as(&speaker, &up, hash).await;
		let said = match &outcome {
			Ok(r) if r.pending_until.is_some() => "accepted, pending the chain".to_string(),
			Ok(_) => "accepted".to_string(),
			Err(e) => e.to_string(),
		};
		self.log(
			&format!("upload {}", up.kind.as_str()),
			Some(&speaker),
			Some(&hash),
			Some(up.mission),
			&said,
		);
		outcome
	}

	async fn upload_as(
		&self,
		speaker: &Speaker,
		up: &Upload,
		hash: H256,
	) -> Result<Record, Refusal> {
		let content_type = rules::check_content(up.kind, &up.name, &up.bytes)?;
		let mission = self.mission(up.mission).await?;
		let on_chain =
			rules::may_upload(&mission, speaker.account(), up.kind, up.milestone, &hash)?;
		let account = speaker.account().to_ss58check();
		let pending_until = (!on_chain).then(|| now_ms() + PENDING_LIFE.as_millis() as u64);
		{
			let db = self.db();
			if pending_until.is_some() {
				let pending: u32 = db
					.query_row(
						"SELECT COUNT(*) FROM documents WHERE account = ?1 AND pending_until IS NOT NULL",
						params![account],
						|r| r.get(0),
					)
					.map_err(sql)?;
				if pending >= MAX_PENDING_PER_ACCOUNT {
					return Err(Refusal::TooManyPending);
				}
			}
			if up.kind == Kind::Statement {
				let made: u32 = db
					.query_row(
						"SELECT COUNT(*) FROM documents WHERE account = ?1 AND mission = ?2 AND kind = ?3 AND milestone IS ?4",
						params![account, up.mission, up.kind.as_str(), up.milestone],
						|r| r.get(0),
					)
					.map_err(sql)?;
				if made >= MAX_STATEMENTS {
					return Err(Refusal::TooManyStatements);
				}
			}
		}
		self.blobs
			.put(&blob_path(&hash), PutPayload::from_bytes(up.bytes.clone()))
			.await
			.map_err(|e| Refusal::Internal(format!("storing the bytes: {e}")))?;
		let record = Record {
			hash,
			mission: up.mission,
			kind: up.kind,
			milestone: up.milestone,
			name: rules::clean_name(&up.name),
			content_type,
			size: up.bytes.len() as u64,
			uploader: speaker.signer.to_ss58check(),
			account,
			uploaded_ms: now_ms(),
			pending_until,
		};
		self.db()
			.execute(
				"INSERT OR REPLACE INTO documents (hash, mission, kind, milestone, name, content_type,
				 size, uploader, account, uploaded_ms, pending_until)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
				params![
					hex(&hash.0),
					record.mission,
					record.kind.as_str(),
					record.milestone,
					record.name,
					record.content_type,
					record.size as i64,
					record.uploader,
					record.account,
					record.uploaded_ms as i64,
					record.pending_until.map(|p| p as i64)
				],
			)
			.map_err(sql)?;
		Ok(record)
	}

	fn records(&self, filter: &str, arg: rusqlite::types::Value) -> Result<Vec<Record>, Refusal> {
		let db = self.db();
		let mut stmt = db
			.prepare(&format!(
				"SELECT hash, mission, kind, milestone, name, content_type, size, uploader, account,
				 uploaded_ms, pending_until FROM documents WHERE {filter}
				 ORDER BY mission, milestone, uploaded_ms"
			))
			.map_err(sql)?;
		let rows = stmt
			.query_map([arg], |r| {
				let hash: String = r.get(0)?;
				let kind: String = r.get(2)?;
				Ok(Record {
					hash: access::parse_hash(&hash).unwrap_or_default(),
					mission: r.get(1)?,
					kind: Kind::from_str(&kind).unwrap_or(Kind::Statement),
					milestone: r.get(3)?,
					name: r.get(4)?,
					content_type: r.get(5)?,
					size: r.get::<_, i64>(6)? as u64,
					uploader: r.get(7)?,
					account: r.get(8)?,
					uploaded_ms: r.get::<_, i64>(9)? as u64,
					pending_until: r.get::<_, Option<i64>>(10)?.map(|p| p as u64),
				})
			})
			.map_err(sql)?
			.collect::<rusqlite::Result<Vec<_>>>()
			.map_err(sql)?;
		Ok(rows)
	}

	pub fn is_public(&self, mission: u32) -> Result<bool, Refusal> {
		self.db()
			.query_row("SELECT 1 FROM public_missions WHERE mission = ?1", params![mission], |_| {
				Ok(())
			})
			.optional()
			.map(|r| r.is_some())
			.map_err(sql)
	}

	/// Whether `speaker` may read `mission`'s documents of `kind`, from the chain
	/// at its finalized head.
	async fn may_read(
		&self,
		speaker: &Speaker,
		mission: &MissionFacts,
		id: u32,
		kind: Kind,
	) -> Result<(), Refusal> {
		let who = speaker.account();
		if mission.is_party(who) {
			return Ok(());
		}
		if mission.disputed() && self.facts.council().await.map_err(Refusal::Chain)?.contains(who) {
			return Ok(());
		}
		let public = self.is_public(id)?;
		if kind.asks()
			&& public && self.facts.is_member(who.clone()).await.map_err(Refusal::Chain)?
		{
			return Ok(());
		}
		Err(Refusal::NotOnMission { disputed: mission.disputed(), public })
	}

	/// A mission's documents the speaker may read (texts inline, up to
	/// [`INLINE_TEXT`]), or why it may read none.
	pub async fn list(
		&self,
		id: u32,
		proof: &Proof,
	) -> Result<Vec<(Record, Option<String>)>, Refusal> {
		let speaker =
			self.speaker(proof, &format!("list mission={id}")).await.inspect_err(|e| {
				self.log("list", None, None, Some(id), &e.to_string());
			})?;
		let outcome = async {
			let mission = self.mission(id).await?;
			let mut out = Vec::new();
			let mut refused = None;
			// The answer depends only on whether a kind is part of what the mission
			// asks: the chain is asked at most once for each.
			let mut decided: [Option<Result<(), Refusal>>; 2] = [None, None];
			for record in self.records("mission = ?1", (id as i64).into())? {
				let slot = &mut decided[record.kind.asks() as usize];
				if slot.is_none() {
					*slot = Some(self.may_read(&speaker, &mission, id, record.kind).await);
				}
				if let Some(Err(e)) = slot {
					refused = Some(e.clone());
					continue;
				}
				let text = if record.content_type.starts_with("text/")
					&& record.size as usize <= INLINE_TEXT
					&& record.pending_until.is_none()
				{
					self.bytes(&record.hash)
						.await
						.ok()
						.and_then(|b| String::from_utf8(b.to_vec()).ok())
				} else {
					None
				};
				out.push((record, text));
			}
			// Nothing readable but something refused: say why.
			match (out.is_empty(), refused) {
				(true, Some(e)) => Err(e),
				_ => {
					// No document yet: whether the speaker could read them.
					if out.is_empty() {
						self.may_read(&speaker, &mission, id, Kind::Deliverable).await?;
					}
					Ok(out)
				}
			}
		}
		.await;
		self.log(
			"list",
			Some(&speaker),
			None,
			Some(id),
			&match &outcome {
				Ok(docs) => format!("{} documents", docs.len()),
				Err(e) => e.to_string(),
			},
		);
		outcome
	}

	async fn bytes(&self, hash: &H256) -> Result<bytes::Bytes, Refusal> {
		let got = self
			.blobs
			.get(&blob_path(hash))
			.await
			.map_err(|e| Refusal::Internal(format!("reading the bytes: {e}")))?;
		got.bytes().await.map_err(|e| Refusal::Internal(format!("reading the bytes: {e}")))
	}

	/// One document's bytes and record, for a speaker the chain allows.
	pub async fn read(&self, hash: H256, proof: &Proof) -> Result<(Record, bytes::Bytes), Refusal> {
		let action = format!("read hash={}", hex(&hash.0));
		let speaker = self.speaker(proof, &action).await.inspect_err(|e| {
			self.log("read", None, Some(&hash), None, &e.to_string());
		})?;
		let outcome = async {
			let records = self.records("hash = ?1", hex(&hash.0).into())?;
			if records.is_empty() {
				return Err(Refusal::UnknownDocument);
			}
			let mut why = Refusal::UnknownDocument;
			for record in records {
				if record.pending_until.is_some() {
					why = Refusal::Pending;
					continue;
				}
				let mission = self.mission(record.mission).await?;
				match self.may_read(&speaker, &mission, record.mission, record.kind).await {
					Ok(()) => {
						let bytes = self.bytes(&hash).await?;
						return Ok((record, bytes));
					}
					Err(e) => why = e,
				}
			}
			Err(why)
		}
		.await;
		self.log(
			"read",
			Some(&speaker),
			Some(&hash),
			outcome.as_ref().ok().map(|(r, _)| r.mission),
			&match &outcome {
				Ok((r, _)) => format!("served {} bytes", r.size),
				Err(e) => e.to_string(),
			},
		);
		outcome
	}

	/// The owner opens (or closes) what its mission asks — its description
	/// and milestone specifications — to every member of the consortium.
	/// Deliverables, rejections and statements stay with the mission's people.
	pub async fn set_public(&self, id: u32, public: bool, proof: &Proof) -> Result<(), Refusal> {
		let speaker = self.speaker(proof, &format!("public mission={id} value={public}")).await?;
		let outcome = async {
			let mission = self.mission(id).await?;
			if &mission.owner != speaker.account() {
				return Err(Refusal::OwnerOnly);
			}
			let db = self.db();
			if public {
				db.execute(
					"INSERT OR REPLACE INTO public_missions (mission, by, at_ms) VALUES (?1, ?2, ?3)",
					params![id, speaker.signer.to_ss58check(), now_ms() as i64],
				)
			} else {
				db.execute("DELETE FROM public_missions WHERE mission = ?1", params![id])
			}
			.map_err(sql)?;
			Ok(())
		}
		.await;
		self.log(
			if public { "open" } else { "close" },
			Some(&speaker),
			None,
			Some(id),
			&match &outcome {
				Ok(()) => "done".into(),
				Err(e) => e.to_string(),
			},
		);
		outcome
	}

	/// Pending uploads whose hash the chain now holds become readable; those
	/// whose time ran out go (with their bytes, unless another record keeps them).
	pub async fn settle_pending(&self) -> Result<(u32, u32), Refusal> {
		let pending = self.records("pending_until IS NOT NULL AND ?1", true.into())?;
		let (mut verified, mut dropped) = (0, 0);
		for record in pending {
			let Ok(mission) = self.mission(record.mission).await else { continue };
			let held = rules::chain_holds(&mission, record.kind, record.milestone, &record.hash);
			let hash = hex(&record.hash.0);
			let key = || {
				(
					hash.clone(),
					record.mission,
					record.kind.as_str(),
					record.milestone,
					record.account.clone(),
				)
			};
			if held && mission.live {
				self.db()
					.execute(
						"UPDATE documents SET pending_until = NULL WHERE hash = ?1 AND mission = ?2
						 AND kind = ?3 AND milestone IS ?4 AND account = ?5",
						key(),
					)
					.map_err(sql)?;
				verified += 1;
				eprintln!(
					"[documents] {} of mission {}: the chain holds its hash",
					hex(&record.hash.0),
					record.mission
				);
			} else if record.pending_until.is_some_and(|t| t <= now_ms()) {
				self.db()
					.execute(
						"DELETE FROM documents WHERE hash = ?1 AND mission = ?2 AND kind = ?3
						 AND milestone IS ?4 AND account = ?5",
						key(),
					)
					.map_err(sql)?;
				if self.records("hash = ?1", hex(&record.hash.0).into())?.is_empty() {
					let _ = self.blobs.delete(&blob_path(&record.hash)).await;
				}
				dropped += 1;
				eprintln!(
					"[documents] {} of mission {}: dropped, the chain never held its hash",
					hex(&record.hash.0),
					record.mission
				);
			}
		}
		Ok((verified, dropped))
	}
}

fn blob_path(hash: &H256) -> BlobPath {
	BlobPath::from(format!("documents/{}", crate::chain::hex(&hash.0)))
}

#[cfg(test)]
mod tests;
