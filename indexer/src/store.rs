//! Where the history is kept. `Store` is what the follower and the API need;
//! `Sqlite` is the one implementation (one file, embedded). Another database
//! (PostgreSQL) is another `impl Store`, nothing else changes.
//!
//! Each block is written in one transaction together with the cursor, so a
//! crash at any moment leaves either the whole block or none of it: on restart
//! the follower resumes after the cursor, and nothing is lost or stored twice
//! (the primary key `(block, idx)` would refuse a second copy anyway).

use crate::{
	answers::{
		IndexedEvent, IndexedMission, IndexedMotion, IndexedVote, MissionAccount, MissionHistory,
	},
	extract::{IndexedBlock, MissionChange, MissionPhase, MotionChange, Role},
};
use rusqlite::{params, Connection, OptionalExtension};

pub type Result<T> = std::result::Result<T, String>;

/// Which missions to list.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MissionFilter {
	pub status: Option<MissionPhase>,
	pub owner: Option<String>,
	pub contributor: Option<String>,
	pub limit: u32,
	pub offset: u32,
}

/// A page of an answer: at most `limit` rows after the first `offset`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
	pub offset: u32,
	pub limit: u32,
}

/// A page of a statement, with what the whole period adds up to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Statement {
	pub lines: Vec<StatementLine>,
	/// Lines in the whole period.
	pub count: u32,
	/// The change of free balance over the whole period.
	pub free_total: i128,
}

/// One line of a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementLine {
	pub block: u32,
	pub time_ms: u64,
	pub extrinsic: Option<u32>,
	pub kind: String,
	pub mission: Option<u32>,
	pub free: i128,
	pub held: i128,
}

pub trait Store: Send {
	/// The last block written, if any.
	fn cursor(&self) -> Result<Option<u32>>;
	/// The hash of block `number`, if written (block 0's is the chain's genesis).
	fn block_hash(&self, number: u32) -> Result<Option<String>>;
	/// Writes a block and moves the cursor to it, all or nothing. Refuses a block
	/// that does not follow the last one written (its parent hash differs): the
	/// chain was reverted or purged, or it is another chain.
	fn write_block(&mut self, block: &IndexedBlock) -> Result<()>;
	/// How many events are stored.
	fn event_count(&self) -> Result<u64>;
	fn missions(&self, filter: &MissionFilter) -> Result<Vec<IndexedMission>>;
	/// A mission with every event that names it, in order; `None` if unknown.
	fn mission(&self, id: u32) -> Result<Option<MissionHistory>>;
	/// Every balance movement of `account` in `asset` (`PEER` or an asset's id) between two
	/// times (ms, inclusive).
	fn statement(
		&self,
		account: &str,
		asset: &str,
		from_ms: u64,
		to_ms: u64,
		page: Page,
	) -> Result<Statement>;
	/// Council motions, newest first, with every vote.
	fn motions(&self, limit: u32) -> Result<Vec<IndexedMotion>>;
	/// The events of the consortium, council, validator set and node
	/// authorization pallets that name `account`, in order.
	fn member_timeline(&self, account: &str, page: Page) -> Result<Vec<IndexedEvent>>;
	/// The call a multisig operation carries, by its hash (`0x…`), if an
	/// extrinsic the indexer saw gave it to `Multisig.as_multi`.
	fn multisig_call(&self, hash: &str) -> Result<Option<Vec<u8>>>;
}

/// Whether the database indexes the chain whose genesis is `genesis`: a purged
/// chain, or `--rpc` pointed at another one, starts again from a new genesis, and
/// its blocks must not be spliced onto the old history.
pub fn same_chain(store: &dyn Store, genesis: &str, rpc: &str) -> Result<()> {
	match store.block_hash(0)? {
		Some(held) if held != genesis => Err(format!(
			"the database indexes the chain whose genesis is {held}; the node at {rpc} serves \
			 the chain whose genesis is {genesis} (purged, or another chain). Nothing was \
			 written; index it into a new --db"
		)),
		_ => Ok(()),
	}
}

pub struct Sqlite {
	conn: Connection,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS cursor (id INTEGER PRIMARY KEY CHECK (id = 0), block INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS blocks (number INTEGER PRIMARY KEY, hash TEXT NOT NULL, time_ms INTEGER NOT NULL,
	spec_version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS events (
	block INTEGER NOT NULL, idx INTEGER NOT NULL, extrinsic INTEGER,
	pallet TEXT NOT NULL, name TEXT NOT NULL, detail TEXT NOT NULL,
	mission INTEGER, signer TEXT, real TEXT,
	PRIMARY KEY (block, idx));
CREATE INDEX IF NOT EXISTS events_mission ON events (mission);
CREATE TABLE IF NOT EXISTS event_accounts (
	block INTEGER NOT NULL, idx INTEGER NOT NULL, account TEXT NOT NULL,
	PRIMARY KEY (account, block, idx));
CREATE TABLE IF NOT EXISTS movements (
	block INTEGER NOT NULL, idx INTEGER NOT NULL, n INTEGER NOT NULL,
	account TEXT NOT NULL, kind TEXT NOT NULL, free TEXT NOT NULL, held TEXT NOT NULL,
	asset TEXT NOT NULL DEFAULT 'PEER',
	PRIMARY KEY (block, idx, n));
CREATE INDEX IF NOT EXISTS movements_account ON movements (account, block);
CREATE TABLE IF NOT EXISTS missions (
	id INTEGER PRIMARY KEY, owner TEXT NOT NULL, budget TEXT NOT NULL, deadline INTEGER NOT NULL,
	status TEXT NOT NULL, created INTEGER NOT NULL, ended INTEGER);
CREATE TABLE IF NOT EXISTS mission_accounts (
	id INTEGER NOT NULL, account TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (id, account));
CREATE TABLE IF NOT EXISTS motions (
	hash TEXT NOT NULL, idx INTEGER NOT NULL, proposer TEXT NOT NULL, threshold INTEGER NOT NULL,
	call TEXT, status TEXT NOT NULL, executed INTEGER, block INTEGER NOT NULL,
	PRIMARY KEY (idx));
CREATE TABLE IF NOT EXISTS votes (
	idx INTEGER NOT NULL, account TEXT NOT NULL, aye INTEGER NOT NULL, block INTEGER NOT NULL,
	PRIMARY KEY (idx, account));
CREATE TABLE IF NOT EXISTS multisig_calls (
	hash TEXT NOT NULL PRIMARY KEY, data BLOB NOT NULL, block INTEGER NOT NULL);
";

/// The schema's version (`PRAGMA user_version`): 0 for a database written
/// before versions were kept, each step of [`Sqlite::migrate`] one more.
pub const SCHEMA_VERSION: u32 = 2;

impl Sqlite {
	pub fn open(path: &str) -> Result<Self> {
		let conn = Connection::open(path).map_err(|e| format!("open {path}: {e}"))?;
		conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
			.map_err(|e| e.to_string())?;
		Self::migrate(&conn, path)?;
		Ok(Self { conn })
	}

	/// A read-only connection for one API request: reads run beside the follower's
	/// writes (WAL), never behind them; a query still running at `deadline` is
	/// interrupted (its answer is an error).
	pub fn open_read(path: &str, deadline: std::time::Instant) -> Result<Self> {
		use rusqlite::OpenFlags;
		let conn = Connection::open_with_flags(
			path,
			OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
		)
		.map_err(|e| format!("open {path}: {e}"))?;
		conn.progress_handler(1000, Some(move || std::time::Instant::now() >= deadline));
		Ok(Self { conn })
	}

	/// Brings the schema to [`SCHEMA_VERSION`], one step at a time, each in a
	/// transaction with its version; refuses a database a newer indexer wrote.
	fn migrate(conn: &Connection, path: &str) -> Result<()> {
		let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(err)?;
		if version > SCHEMA_VERSION {
			return Err(format!(
				"{path} has schema version {version}; this peer-indexer knows up to \
				 {SCHEMA_VERSION}: use the newer peer-indexer that wrote it"
			));
		}
		if version < 1 {
			// Version 1: the tables; a store written before movements had an asset
			// gets the column (every movement then was PEER).
			conn.execute_batch("BEGIN;").map_err(err)?;
			conn.execute_batch(SCHEMA).map_err(err)?;
			let has_asset: bool = conn
				.prepare("SELECT COUNT(*) FROM pragma_table_info('movements') WHERE name = 'asset'")
				.and_then(|mut s| s.query_row([], |r| r.get::<_, i64>(0)))
				.map_err(err)?
				> 0;
			if !has_asset {
				conn.execute_batch(
					"ALTER TABLE movements ADD COLUMN asset TEXT NOT NULL DEFAULT 'PEER';",
				)
				.map_err(err)?;
			}
			conn.execute_batch("PRAGMA user_version = 1; COMMIT;").map_err(err)?;
		}
		if version < 2 {
			// Version 2: events are decoded with their runtime's metadata and their
			// detail is JSON (before: the indexer's build's `Debug` text, which no
			// step can turn into fields), and each block says its runtime. The
			// history is read again from the node (it is an archive): every row
			// goes, the chain's genesis check stays by block 0 written anew.
			let held: i64 =
				conn.query_row("SELECT COUNT(*) FROM blocks", [], |r| r.get(0)).map_err(err)?;
			if version == 1 && held > 0 {
				eprintln!(
					"[indexer] {path}: schema 1 kept events as text; the {held} blocks are \
					 indexed again from genesis with their runtimes' metadata"
				);
			}
			conn.execute_batch(
				"BEGIN;
				 DELETE FROM cursor; DELETE FROM blocks; DELETE FROM events;
				 DELETE FROM event_accounts; DELETE FROM movements; DELETE FROM missions;
				 DELETE FROM mission_accounts; DELETE FROM motions; DELETE FROM votes;
				 DELETE FROM multisig_calls;",
			)
			.map_err(err)?;
			let has_spec: bool =
				conn.prepare(
					"SELECT COUNT(*) FROM pragma_table_info('blocks') WHERE name = 'spec_version'",
				)
				.and_then(|mut s| s.query_row([], |r| r.get::<_, i64>(0)))
				.map_err(err)? > 0;
			if !has_spec {
				conn.execute_batch(
					"ALTER TABLE blocks ADD COLUMN spec_version INTEGER NOT NULL DEFAULT 0;",
				)
				.map_err(err)?;
			}
			conn.execute_batch("PRAGMA user_version = 2; COMMIT;").map_err(err)?;
		}
		Ok(())
	}

	/// A row of `missions` (id, owner, budget, deadline, status, created, ended).
	fn mission_row(r: &rusqlite::Row) -> rusqlite::Result<IndexedMission> {
		Ok(IndexedMission {
			id: r.get(0)?,
			owner: r.get(1)?,
			budget: r.get(2)?,
			deadline: r.get(3)?,
			status: word(r, 4, MissionPhase::from_word)?,
			created: r.get(5)?,
			ended: r.get(6)?,
		})
	}

	fn event_row(row: &rusqlite::Row) -> rusqlite::Result<IndexedEvent> {
		Ok(IndexedEvent {
			block: row.get(0)?,
			time: row.get::<_, i64>(1)? as u64,
			index: row.get(2)?,
			extrinsic: row.get(3)?,
			pallet: row.get(4)?,
			name: row.get(5)?,
			detail: row.get(6)?,
			mission: row.get(7)?,
			signer: row.get(8)?,
			real: row.get(9)?,
		})
	}
}

/// Column `i` read as one of an enum's words (`MissionPhase`, `Role`); a word the
/// enum does not know is an error, not a guess.
fn word<T>(r: &rusqlite::Row, i: usize, from: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
	let w: String = r.get(i)?;
	from(&w).ok_or_else(|| {
		rusqlite::Error::FromSqlConversionFailure(
			i,
			rusqlite::types::Type::Text,
			format!("`{w}` is not a word the indexer knows").into(),
		)
	})
}

const EVENT_COLUMNS: &str =
	"e.block, b.time_ms, e.idx, e.extrinsic, e.pallet, e.name, e.detail, e.mission, e.signer, e.real";

fn err(e: rusqlite::Error) -> String {
	e.to_string()
}

impl Store for Sqlite {
	fn cursor(&self) -> Result<Option<u32>> {
		self.conn
			.query_row("SELECT block FROM cursor WHERE id = 0", [], |r| r.get(0))
			.optional()
			.map_err(err)
	}

	fn block_hash(&self, number: u32) -> Result<Option<String>> {
		self.conn
			.query_row("SELECT hash FROM blocks WHERE number = ?1", [number], |r| r.get(0))
			.optional()
			.map_err(err)
	}

	fn write_block(&mut self, b: &IndexedBlock) -> Result<()> {
		if let Some(last) = self.cursor()? {
			let held = self.block_hash(last)?.unwrap_or_default();
			let parent = format!("{:?}", b.parent);
			if b.number != last + 1 || held != parent {
				return Err(format!(
					"block #{} (parent {parent}) does not follow block #{last} ({held}) in the \
					 database: the chain was reverted or purged, or this is another chain. \
					 Nothing was written; index it into a new --db",
					b.number
				));
			}
		}
		let tx = self.conn.transaction().map_err(err)?;
		tx.execute(
			"INSERT INTO blocks (number, hash, time_ms, spec_version) VALUES (?1, ?2, ?3, ?4)",
			params![b.number, format!("{:?}", b.hash), b.time_ms as i64, b.spec_version],
		)
		.map_err(err)?;
		// The statements every event runs, prepared once per connection.
		let mut insert_event = tx
			.prepare_cached(
				"INSERT INTO events (block, idx, extrinsic, pallet, name, detail, mission, signer, real)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			)
			.map_err(err)?;
		let mut insert_account = tx
			.prepare_cached(
				"INSERT OR IGNORE INTO event_accounts (block, idx, account) VALUES (?1, ?2, ?3)",
			)
			.map_err(err)?;
		let mut insert_movement = tx
			.prepare_cached(
				"INSERT INTO movements (block, idx, n, account, kind, free, held, asset)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			)
			.map_err(err)?;
		for e in &b.events {
			insert_event
				.execute(params![
					b.number,
					e.index,
					e.extrinsic,
					e.pallet,
					e.name,
					e.detail,
					e.mission,
					e.signer,
					e.real
				])
				.map_err(err)?;
			for a in e.accounts.iter().chain(e.signer.iter()).chain(e.real.iter()) {
				insert_account.execute(params![b.number, e.index, a]).map_err(err)?;
			}
			for (n, m) in e.movements.iter().enumerate() {
				insert_movement
					.execute(params![
						b.number,
						e.index,
						n as u32,
						m.account,
						m.kind.to_string(),
						m.free.to_string(),
						m.held.to_string(),
						m.asset
					])
					.map_err(err)?;
			}
			match &e.mission_change {
				Some(MissionChange::Created { id, owner, budget, deadline }) => {
					tx.execute(
						"INSERT OR REPLACE INTO missions (id, owner, budget, deadline, status, created)
						 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
						params![
							id,
							owner,
							budget.to_string(),
							deadline,
							MissionPhase::Recruiting.as_str(),
							b.number
						],
					)
					.map_err(err)?;
					tx.execute(
						"INSERT OR REPLACE INTO mission_accounts (id, account, role) VALUES (?1, ?2, ?3)",
						params![id, owner, Role::Owner.as_str()],
					)
					.map_err(err)?;
				}
				Some(MissionChange::Participant { id, who, role }) => {
					tx.execute(
						"INSERT OR REPLACE INTO mission_accounts (id, account, role) VALUES (?1, ?2, ?3)",
						params![id, who, role.as_str()],
					)
					.map_err(err)?;
				}
				Some(MissionChange::Status { id, status }) => {
					let ended = status.ended().then_some(b.number);
					tx.execute(
						"UPDATE missions SET status = ?2, ended = ?3 WHERE id = ?1",
						params![id, status.as_str(), ended],
					)
					.map_err(err)?;
				}
				None => {}
			}
			let open_index = |hash: &str| -> rusqlite::Result<Option<u32>> {
				tx.query_row(
					"SELECT idx FROM motions WHERE hash = ?1 ORDER BY idx DESC LIMIT 1",
					params![hash],
					|r| r.get(0),
				)
				.optional()
			};
			match &e.motion_change {
				Some(MotionChange::Proposed { hash, index, proposer, threshold, call }) => {
					tx.execute(
						"INSERT OR REPLACE INTO motions (hash, idx, proposer, threshold, call, status, block)
						 VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6)",
						params![hash, index, proposer, threshold, call, b.number],
					)
					.map_err(err)?;
				}
				Some(MotionChange::Voted { hash, who, aye }) => {
					if let Some(idx) = open_index(hash).map_err(err)? {
						tx.execute(
							"INSERT OR REPLACE INTO votes (idx, account, aye, block) VALUES (?1, ?2, ?3, ?4)",
							params![idx, who, *aye as i32, b.number],
						)
						.map_err(err)?;
					}
				}
				Some(MotionChange::Status { hash, status }) => {
					if let Some(idx) = open_index(hash).map_err(err)? {
						tx.execute(
							"UPDATE motions SET status = ?2 WHERE idx = ?1",
							params![idx, status],
						)
						.map_err(err)?;
					}
				}
				Some(MotionChange::Executed { hash, ok }) => {
					if let Some(idx) = open_index(hash).map_err(err)? {
						tx.execute(
							"UPDATE motions SET executed = ?2 WHERE idx = ?1",
							params![idx, *ok as i32],
						)
						.map_err(err)?;
					}
				}
				None => {}
			}
		}
		drop((insert_event, insert_account, insert_movement));
		for (hash, data) in &b.multisig_calls {
			tx.execute(
				"INSERT OR IGNORE INTO multisig_calls (hash, data, block) VALUES (?1, ?2, ?3)",
				params![format!("{hash:?}"), data, b.number],
			)
			.map_err(err)?;
		}
		tx.execute(
			"INSERT INTO cursor (id, block) VALUES (0, ?1) ON CONFLICT (id) DO UPDATE SET block = ?1",
			params![b.number],
		)
		.map_err(err)?;
		tx.commit().map_err(err)
	}

	fn multisig_call(&self, hash: &str) -> Result<Option<Vec<u8>>> {
		self.conn
			.query_row("SELECT data FROM multisig_calls WHERE hash = ?1", params![hash], |r| {
				r.get(0)
			})
			.optional()
			.map_err(err)
	}

	fn event_count(&self) -> Result<u64> {
		self.conn.query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0)).map_err(err)
	}

	fn missions(&self, f: &MissionFilter) -> Result<Vec<IndexedMission>> {
		let mut stmt = self
			.conn
			.prepare(
				"SELECT m.id, m.owner, m.budget, m.deadline, m.status, m.created, m.ended
				 FROM missions m
				 WHERE (?1 IS NULL OR m.status = ?1) AND (?2 IS NULL OR m.owner = ?2)
				   AND (?3 IS NULL OR EXISTS (SELECT 1 FROM mission_accounts a
				        WHERE a.id = m.id AND a.account = ?3 AND a.role != ?6))
				 ORDER BY m.id DESC LIMIT ?4 OFFSET ?5",
			)
			.map_err(err)?;
		let rows = stmt
			.query_map(
				params![
					f.status.map(MissionPhase::as_str),
					f.owner,
					f.contributor,
					f.limit,
					f.offset,
					Role::Owner.as_str()
				],
				Self::mission_row,
			)
			.map_err(err)?;
		rows.collect::<rusqlite::Result<_>>().map_err(err)
	}

	fn mission(&self, id: u32) -> Result<Option<MissionHistory>> {
		let Some(mission) = self
			.conn
			.query_row(
				"SELECT id, owner, budget, deadline, status, created, ended FROM missions WHERE id = ?1",
				params![id],
				Self::mission_row,
			)
			.optional()
			.map_err(err)?
		else {
			return Ok(None);
		};
		let mut stmt = self
			.conn
			.prepare(
				"SELECT account, role FROM mission_accounts WHERE id = ?1 ORDER BY role, account",
			)
			.map_err(err)?;
		let people = stmt
			.query_map(params![id], |r| {
				Ok(MissionAccount { account: r.get(0)?, role: word(r, 1, Role::from_word)? })
			})
			.map_err(err)?
			.collect::<rusqlite::Result<Vec<_>>>()
			.map_err(err)?;
		let mut stmt = self
			.conn
			.prepare(&format!(
				"SELECT {EVENT_COLUMNS} FROM events e JOIN blocks b ON b.number = e.block
				 WHERE e.mission = ?1 AND e.pallet IN ('Missions', 'Reputation')
				 ORDER BY e.block, e.idx"
			))
			.map_err(err)?;
		let timeline = stmt
			.query_map(params![id], Self::event_row)
			.map_err(err)?
			.collect::<rusqlite::Result<Vec<_>>>()
			.map_err(err)?;
		Ok(Some(MissionHistory { mission, accounts: people, timeline }))
	}

	fn statement(
		&self,
		account: &str,
		asset: &str,
		from_ms: u64,
		to_ms: u64,
		page: Page,
	) -> Result<Statement> {
		let mut stmt = self
			.conn
			.prepare(
				"SELECT m.block, b.time_ms, e.extrinsic, m.kind, e.mission, m.free, m.held
				 FROM movements m JOIN blocks b ON b.number = m.block
				 JOIN events e ON e.block = m.block AND e.idx = m.idx
				 WHERE m.account = ?1 AND m.asset = ?4 AND b.time_ms BETWEEN ?2 AND ?3
				 ORDER BY m.block, m.idx, m.n",
			)
			.map_err(err)?;
		let rows = stmt
			.query_map(params![account, from_ms as i64, to_ms as i64, asset], |r| {
				Ok(StatementLine {
					block: r.get(0)?,
					time_ms: r.get::<_, i64>(1)? as u64,
					extrinsic: r.get(2)?,
					kind: r.get(3)?,
					mission: r.get(4)?,
					free: r.get::<_, String>(5)?.parse().unwrap_or_default(),
					held: r.get::<_, String>(6)?.parse().unwrap_or_default(),
				})
			})
			.map_err(err)?;
		// Every line of the period is added up; only the page is kept.
		let mut out = Statement::default();
		for (i, line) in rows.enumerate() {
			let line = line.map_err(err)?;
			out.free_total = out.free_total.saturating_add(line.free);
			out.count += 1;
			if i as u32 >= page.offset && out.lines.len() < page.limit as usize {
				out.lines.push(line);
			}
		}
		Ok(out)
	}

	fn motions(&self, limit: u32) -> Result<Vec<IndexedMotion>> {
		let mut stmt = self
			.conn
			.prepare(
				"SELECT hash, idx, proposer, threshold, call, status, executed, block
				 FROM motions ORDER BY idx DESC LIMIT ?1",
			)
			.map_err(err)?;
		let motions = stmt
			.query_map(params![limit], |r| {
				Ok(IndexedMotion {
					hash: r.get(0)?,
					index: r.get(1)?,
					proposer: r.get(2)?,
					threshold: r.get(3)?,
					call: r.get(4)?,
					status: r.get(5)?,
					executed: r.get(6)?,
					block: r.get(7)?,
					votes: Vec::new(),
				})
			})
			.map_err(err)?
			.collect::<rusqlite::Result<Vec<_>>>()
			.map_err(err)?;
		let mut votes = self
			.conn
			.prepare("SELECT account, aye, block FROM votes WHERE idx = ?1 ORDER BY block, account")
			.map_err(err)?;
		motions
			.into_iter()
			.map(|mut m| {
				m.votes = votes
					.query_map(params![m.index], |r| {
						Ok(IndexedVote { account: r.get(0)?, aye: r.get(1)?, block: r.get(2)? })
					})
					.map_err(err)?
					.collect::<rusqlite::Result<Vec<_>>>()
					.map_err(err)?;
				Ok(m)
			})
			.collect()
	}

	fn member_timeline(&self, account: &str, page: Page) -> Result<Vec<IndexedEvent>> {
		let mut stmt = self
			.conn
			.prepare(&format!(
				"SELECT {EVENT_COLUMNS} FROM event_accounts a
				 JOIN events e ON e.block = a.block AND e.idx = a.idx
				 JOIN blocks b ON b.number = e.block
				 WHERE a.account = ?1
				   AND e.pallet IN ('Consortium', 'Council', 'ValidatorSet', 'NodeAuthorization')
				 ORDER BY e.block, e.idx LIMIT ?2 OFFSET ?3"
			))
			.map_err(err)?;
		let rows = stmt
			.query_map(params![account, page.limit, page.offset], Self::event_row)
			.map_err(err)?;
		rows.collect::<rusqlite::Result<_>>().map_err(err)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::extract::{IndexedEvent, Kind, MissionPhase, Movement};
	use sp_core::H256;

	fn event(index: u32, mission: Option<u32>, change: Option<MissionChange>) -> IndexedEvent {
		IndexedEvent {
			index,
			extrinsic: Some(1),
			pallet: "Missions".into(),
			name: "X".into(),
			detail: "Missions(X)".into(),
			mission,
			accounts: vec!["A".into()],
			signer: Some("A".into()),
			real: None,
			movements: vec![
				Movement {
					asset: "PEER".into(),
					account: "A".into(),
					kind: Kind::Fee,
					free: -3,
					held: 0,
				},
				Movement {
					asset: "42".into(),
					account: "A".into(),
					kind: Kind::PayoutReceived,
					free: 5,
					held: 0,
				},
			],
			mission_change: change,
			motion_change: None,
		}
	}

	fn block(number: u32, events: Vec<IndexedEvent>) -> IndexedBlock {
		IndexedBlock {
			number,
			hash: H256::repeat_byte(number as u8),
			parent: H256::repeat_byte(number.wrapping_sub(1) as u8),
			time_ms: number as u64 * 1000,
			spec_version: 103,
			events,
			multisig_calls: vec![(H256::repeat_byte(0xcc), vec![number as u8, 1, 2])],
		}
	}

	fn open_temp() -> (tempfile::TempDir, Sqlite) {
		let dir = tempfile::tempdir().unwrap();
		let s = Sqlite::open(dir.path().join("db").to_str().unwrap()).unwrap();
		(dir, s)
	}

	#[test]
	fn a_multisigs_call_is_found_by_its_hash() {
		let (_dir, mut s) = open_temp();
		s.write_block(&block(0, vec![])).unwrap();
		// The same call again in a later block: the first is kept.
		s.write_block(&block(1, vec![])).unwrap();
		let hash = format!("{:?}", H256::repeat_byte(0xcc));
		assert_eq!(s.multisig_call(&hash).unwrap(), Some(vec![0, 1, 2]));
		assert_eq!(s.multisig_call(&format!("{:?}", H256::zero())).unwrap(), None);
	}

	#[test]
	fn a_statement_comes_in_pages_with_the_whole_period_added_up() {
		let (_dir, mut s) = open_temp();
		for n in 0..5 {
			s.write_block(&block(n, vec![event(0, None, None)])).unwrap();
		}
		let page =
			|offset, limit| s.statement("A", "PEER", 0, u64::MAX / 2, Page { offset, limit });
		let first = page(0, 2).unwrap();
		assert_eq!((first.lines.len(), first.count, first.free_total), (2, 5, -15));
		assert_eq!(first.lines.iter().map(|l| l.block).collect::<Vec<_>>(), [0, 1]);
		let last = page(4, 2).unwrap();
		assert_eq!(last.lines.iter().map(|l| l.block).collect::<Vec<_>>(), [4]);
		assert_eq!((last.count, last.free_total), (5, -15));
		assert!(page(9, 2).unwrap().lines.is_empty());
	}

	#[test]
	fn a_reader_answers_while_the_follower_is_writing() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("db");
		let path = path.to_str().unwrap();
		let mut writer = Sqlite::open(path).unwrap();
		writer.write_block(&block(0, vec![event(0, None, None)])).unwrap();
		// The follower is in the middle of a block (a write transaction open).
		writer.conn.execute_batch("BEGIN IMMEDIATE; DELETE FROM events;").unwrap();
		let far = std::time::Instant::now() + std::time::Duration::from_secs(5);
		let reader = Sqlite::open_read(path, far).unwrap();
		// It reads the last committed state, without waiting.
		assert_eq!((reader.cursor().unwrap(), reader.event_count().unwrap()), (Some(0), 1));
		writer.conn.execute_batch("ROLLBACK;").unwrap();
	}

	#[test]
	fn a_read_past_its_deadline_is_interrupted() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("db");
		let path = path.to_str().unwrap();
		Sqlite::open(path).unwrap();
		let reader = Sqlite::open_read(path, std::time::Instant::now()).unwrap();
		// A query that would run for ever.
		let endless = reader.conn.query_row(
			"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n",
			[],
			|r| r.get::<_, i64>(0),
		);
		assert!(endless.unwrap_err().to_string().contains("interrupt"));
		// A reader cannot write.
		assert!(reader.conn.execute_batch("DELETE FROM events;").is_err());
	}

	#[test]
	fn a_block_that_does_not_follow_the_last_one_is_refused() {
		let (_dir, mut s) = open_temp();
		s.write_block(&block(0, vec![])).unwrap();
		s.write_block(&block(1, vec![])).unwrap();
		// A reverted chain's block #2: another parent. Refused, nothing written.
		let mut other = block(2, vec![event(0, None, None)]);
		other.parent = H256::repeat_byte(0xee);
		let e = s.write_block(&other).unwrap_err();
		assert!(e.contains("does not follow block #1"), "{e}");
		assert_eq!((s.cursor().unwrap(), s.event_count().unwrap()), (Some(1), 0));
		// A gap is refused too.
		assert!(s.write_block(&block(3, vec![])).is_err());
		s.write_block(&block(2, vec![])).unwrap();
		assert_eq!(s.cursor().unwrap(), Some(2));
	}

	#[test]
	fn another_genesis_is_another_chain() {
		let (_dir, mut s) = open_temp();
		let genesis = format!("{:?}", H256::repeat_byte(0));
		same_chain(&s, &genesis, "ws://a").unwrap();
		s.write_block(&block(0, vec![])).unwrap();
		same_chain(&s, &genesis, "ws://a").unwrap();
		let e = same_chain(&s, &format!("{:?}", H256::repeat_byte(9)), "ws://b").unwrap_err();
		assert!(e.contains("the node at ws://b serves the chain whose genesis is 0x0909"), "{e}");
	}

	#[test]
	fn the_schema_is_versioned_and_a_newer_one_refused() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("db");
		let path = path.to_str().unwrap();
		let s = Sqlite::open(path).unwrap();
		let v: u32 = s.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
		assert_eq!(v, SCHEMA_VERSION);
		s.conn.execute_batch(&format!("PRAGMA user_version = {};", SCHEMA_VERSION + 1)).unwrap();
		drop(s);
		let e = Sqlite::open(path).err().expect("refused");
		assert!(e.contains("this peer-indexer knows up to"), "{e}");
	}

	#[test]
	fn a_schema_1_store_is_emptied_to_be_indexed_again_with_metadata() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("db");
		let path = path.to_str().unwrap();
		{
			// A store as schema 1 wrote it: blocks without their runtime, events
			// with the `Debug` text of the indexer's build.
			let conn = Connection::open(path).unwrap();
			let schema_1 = SCHEMA.replace(",\n\tspec_version INTEGER NOT NULL DEFAULT 0", "");
			assert!(!schema_1.contains("spec_version"));
			conn.execute_batch(&schema_1).unwrap();
			conn.execute_batch(
				"INSERT INTO blocks (number, hash, time_ms) VALUES (0, '0x00', 0);
				 INSERT INTO events (block, idx, pallet, name, detail) VALUES (0, 0, 'System', 'X', 'System(X)');
				 INSERT INTO cursor (id, block) VALUES (0, 0);
				 PRAGMA user_version = 1;",
			)
			.unwrap();
		}
		let s = Sqlite::open(path).unwrap();
		assert_eq!(s.cursor().unwrap(), None, "indexed again from genesis");
		assert_eq!(s.event_count().unwrap(), 0);
		s.conn.query_row("SELECT spec_version FROM blocks", [], |_| Ok(())).optional().unwrap();
		let v: u32 = s.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
		assert_eq!(v, 2);
	}

	#[test]
	fn a_block_is_written_once_with_its_cursor() {
		let dir = tempfile::tempdir().unwrap();
		let mut s = Sqlite::open(dir.path().join("db").to_str().unwrap()).unwrap();
		assert_eq!(s.cursor().unwrap(), None);
		let created = MissionChange::Created { id: 7, owner: "A".into(), budget: 10, deadline: 99 };
		s.write_block(&block(1, vec![event(0, Some(7), Some(created))])).unwrap();
		assert_eq!(s.cursor().unwrap(), Some(1));
		// The same block again fails as a whole: nothing is stored twice, and
		// the cursor stays.
		assert!(s
			.write_block(&block(1, vec![event(0, None, None), event(1, None, None)]))
			.is_err());
		assert_eq!(s.event_count().unwrap(), 1);
		assert_eq!(s.cursor().unwrap(), Some(1));
		let done = MissionChange::Status { id: 7, status: MissionPhase::Completed };
		s.write_block(&block(2, vec![event(0, Some(7), Some(done))])).unwrap();
		let m = s.mission(7).unwrap().unwrap();
		assert_eq!(m.mission.status, MissionPhase::Completed);
		assert_eq!(m.mission.ended, Some(2));
		assert_eq!(m.timeline.len(), 2);
		// Served with the mission's own fields beside its accounts and timeline.
		let json = serde_json::to_value(&m).unwrap();
		assert_eq!((json["status"].as_str(), json["ended"].as_u64()), (Some("completed"), Some(2)));
		assert_eq!(json["accounts"][0]["role"], "owner");
		let listed =
			s.missions(&MissionFilter { owner: Some("A".into()), limit: 10, ..Default::default() });
		assert_eq!(listed.unwrap().len(), 1);
		let all = Page { offset: 0, limit: 1000 };
		let lines = s.statement("A", "PEER", 0, 1500, all).unwrap().lines;
		assert_eq!(lines.iter().map(|l| l.free).sum::<i128>(), -3, "only block 1 is in range");
		// Each asset has its own statement.
		let usd = s.statement("A", "42", 0, 1500, all).unwrap().lines;
		assert_eq!(
			usd.iter().map(|l| (l.kind.as_str(), l.free)).collect::<Vec<_>>(),
			[("payout received", 5)]
		);
		assert!(s.mission(8).unwrap().is_none());
	}
}
