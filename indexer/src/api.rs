//! The read-only HTTP API. Every answer is JSON (a statement may be CSV);
//! bad input gets a 400 with a message, an unknown path a 404.
//!
//! | path | answer |
//! | --- | --- |
//! | `GET /health` | `{ "indexed": block, "events": count }` |
//! | `GET /missions?status=&owner=&contributor=&limit=&offset=` | missions, finished ones included, newest first |
//! | `GET /missions/{id}` | one mission: accounts and its whole timeline |
//! | `GET /accounts/{ss58}/statement?from=YYYY-MM-DD&to=YYYY-MM-DD[&asset=PEER\|<id>][&format=csv][&limit=&offset=]` | every balance movement in one asset (PEER unless `asset` names an asset's id) in the period, amounts as decimal strings in the asset's smallest unit; pages of at most 1,000 lines (CSV: 100,000), with the period's `free_total`, `total_lines` and the `next_offset` |
//! | `GET /motions?limit=` | council motions with the call proposed and every vote |
//! | `GET /members/{ss58}/timeline?limit=&offset=` | the member's consortium, council, validator and node events (pages of at most 1,000) |
//! | `GET /multisig-calls/{hash}` | the call a multisig operation carries (from the extrinsic that gave it to `Multisig.as_multi`) |
//!
//! Each request reads on a connection of its own on a blocking thread (never
//! behind the follower's writes) and is stopped after [`REQUEST_LIMIT`] (503).

use crate::{
	answers::{Health, IndexerError, MultisigCall, StatementEntry, StatementPage},
	extract::MissionPhase,
	store::{MissionFilter, Page, StatementLine, Store},
};
use bytes::Bytes;
use http_body_util::Full;
use hyper::{body::Incoming, Request, Response, StatusCode};
use serde::Serialize;
use sp_core::crypto::{AccountId32, Ss58Codec};
use std::sync::Arc;

/// The most rows one request may ask for.
pub const MAX_LIMIT: u32 = 1000;
/// The token's decimals (12: one PEER is 10¹² plancks).
pub const DECIMALS: u32 = 12;

/// The longest a request may run: past it, its query is interrupted and the
/// answer is a 503.
pub const REQUEST_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// A reply: status, content type, body.
pub struct Reply(pub StatusCode, pub &'static str, pub String);

/// A 200 with one of the answers (`answers.rs`) as JSON.
fn ok(answer: impl Serialize) -> Reply {
	let body = serde_json::to_string(&answer).expect("the answers serialize");
	Reply(StatusCode::OK, "application/json", body)
}

/// Any other status, with the answer's message.
fn problem(status: StatusCode, message: impl Into<String>) -> Reply {
	let body = serde_json::to_string(&IndexerError { error: message.into() })
		.expect("the answers serialize");
	Reply(status, "application/json", body)
}

fn bad(message: impl Into<String>) -> Reply {
	problem(StatusCode::BAD_REQUEST, message)
}

fn not_found(message: impl Into<String>) -> Reply {
	problem(StatusCode::NOT_FOUND, message)
}

/// `amount` plancks as a decimal string with the token's decimals: `-1.500000000000`.
pub fn decimal(amount: i128) -> String {
	let sign = if amount < 0 { "-" } else { "" };
	let abs = amount.unsigned_abs();
	let unit = 10u128.pow(DECIMALS);
	format!("{sign}{}.{:0width$}", abs / unit, abs % unit, width = DECIMALS as usize)
}

/// An amount of `asset`: PEER with its 12 decimals, an asset in its smallest
/// unit (its decimals are in the chain's `assets.metadata`, not here).
pub fn in_units(asset: &str, amount: i128) -> String {
	if asset == crate::extract::PEER {
		decimal(amount)
	} else {
		amount.to_string()
	}
}

/// An SS58 address, normalised to Peer's format.
pub fn account(s: &str) -> Result<String, String> {
	AccountId32::from_ss58check(s)
		.map(|a| a.to_ss58check())
		.map_err(|_| format!("`{s}` is not an SS58 account address"))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
	let y = if m <= 2 { y - 1 } else { y };
	let era = if y >= 0 { y } else { y - 399 } / 400;
	let yoe = y - era * 400;
	let mp = (m as i64 + 9) % 12;
	let doy = (153 * mp + 2) / 5 + d as i64 - 1;
	let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	era * 146097 + doe - 719468
}

/// `YYYY-MM-DD` as milliseconds since the epoch at 00:00 UTC.
pub fn date(s: &str) -> Result<u64, String> {
	let parts: Vec<&str> = s.split('-').collect();
	let bad = || format!("`{s}` is not a date (YYYY-MM-DD)");
	let [y, m, d] = parts[..] else { return Err(bad()) };
	let (y, m, d): (i64, u32, u32) = (
		y.parse().map_err(|_| bad())?,
		m.parse().map_err(|_| bad())?,
		d.parse().map_err(|_| bad())?,
	);
	let days_in = [
		31,
		if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 { 29 } else { 28 },
		31,
		30,
		31,
		30,
		31,
		31,
		30,
		31,
		30,
		31,
	];
	if !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > days_in[m as usize - 1]
	{
		return Err(bad());
	}
	Ok(days_from_civil(y, m, d) as u64 * 86_400_000)
}

/// The query's pairs, percent-decoded (`+` is a space).
pub fn query(uri: &hyper::Uri) -> Vec<(String, String)> {
	let decode = |s: &str| {
		percent_encoding::percent_decode_str(&s.replace('+', " ")).decode_utf8_lossy().into_owned()
	};
	uri.query()
		.unwrap_or("")
		.split('&')
		.filter(|p| !p.is_empty())
		.map(|p| {
			let (k, v) = p.split_once('=').unwrap_or((p, ""));
			(decode(k), decode(v))
		})
		.collect()
}

fn limit(q: &[(String, String)], default: u32) -> Result<u32, String> {
	limit_up_to(q, default, MAX_LIMIT)
}

fn limit_up_to(q: &[(String, String)], default: u32, max: u32) -> Result<u32, String> {
	match q.iter().find(|(k, _)| k == "limit") {
		None => Ok(default),
		Some((_, v)) => match v.parse::<u32>() {
			Ok(n) if (1..=max).contains(&n) => Ok(n),
			_ => Err(format!("`limit` must be a number from 1 to {max}")),
		},
	}
}

fn offset(q: &[(String, String)]) -> Result<u32, String> {
	get(q, "offset")
		.map(|o| o.parse::<u32>().map_err(|_| "`offset` must be a number".to_string()))
		.transpose()
		.map(|o| o.unwrap_or(0))
}

/// The most lines of a CSV statement (a year of a busy account; a longer one is
/// asked for in pages).
pub const MAX_CSV_LINES: u32 = 100_000;

fn get<'a>(q: &'a [(String, String)], key: &str) -> Option<&'a str> {
	q.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// A CSV cell that a spreadsheet shows as the text it is. A plain number stays a
/// number (it cannot be a formula, and accountants sum the amounts); any other cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, which a
/// spreadsheet would run as a formula, gets a leading `'`; a cell with a comma, a
/// quote or a line break is quoted (RFC 4180).
fn csv_cell(value: &str) -> String {
	let plain_number = {
		let digits = value.strip_prefix('-').unwrap_or(value);
		let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
		!whole.is_empty()
			&& !fraction.is_empty()
			&& whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit())
	};
	let cell = if !plain_number && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
		format!("'{value}")
	} else {
		value.to_string()
	};
	if cell.contains([',', '"', '\n', '\r']) {
		format!("\"{}\"", cell.replace('"', "\"\""))
	} else {
		cell
	}
}

fn statement_csv(asset: &str, lines: &[StatementLine]) -> String {
	let mut out =
		String::from("block,time_utc_ms,extrinsic,kind,mission,asset,free_change,held_change\n");
	for l in lines {
		let cells = [
			l.block.to_string(),
			l.time_ms.to_string(),
			l.extrinsic.map(|x| x.to_string()).unwrap_or_default(),
			l.kind.clone(),
			l.mission.map(|m| m.to_string()).unwrap_or_default(),
			asset.to_string(),
			in_units(asset, l.free),
			in_units(asset, l.held),
		];
		let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
		out.push_str(&row.join(","));
		out.push('\n');
	}
	out
}

/// Why a request gets no 200.
enum Problem {
	/// The request is wrong: a 400 with the message.
	Bad(String),
	/// Nothing at that path: a 404.
	NotFound(String),
	/// The store failed: a 500.
	Store(String),
}

fn bad_input<T>(r: Result<T, String>) -> Result<T, Problem> {
	r.map_err(Problem::Bad)
}

fn stored<T>(r: crate::store::Result<T>) -> Result<T, Problem> {
	r.map_err(Problem::Store)
}

fn answer(store: &dyn Store, uri: &hyper::Uri) -> Result<Reply, Problem> {
	let q = query(uri);
	let segments: Vec<&str> = uri.path().trim_matches('/').split('/').collect();
	match segments.as_slice() {
		["health"] => {
			let indexed = stored(store.cursor())?;
			Ok(ok(Health { indexed, events: stored(store.event_count())? }))
		}
		["missions"] => {
			let status = get(&q, "status")
				.map(|s| {
					MissionPhase::from_word(s).ok_or(Problem::Bad(format!("unknown status `{s}`")))
				})
				.transpose()?;
			let owner = bad_input(get(&q, "owner").map(account).transpose())?;
			let contributor = bad_input(get(&q, "contributor").map(account).transpose())?;
			let limit = bad_input(limit(&q, 100))?;
			let offset = bad_input(offset(&q))?;
			let filter = MissionFilter { status, owner, contributor, limit, offset };
			Ok(ok(stored(store.missions(&filter))?))
		}
		["missions", id] => {
			let id = id
				.parse::<u32>()
				.map_err(|_| Problem::Bad(format!("`{id}` is not a mission number")))?;
			let mission = stored(store.mission(id))?;
			mission.map(ok).ok_or_else(|| Problem::NotFound(format!("no mission {id} indexed")))
		}
		["accounts", who, "statement"] => {
			let who = bad_input(account(who))?;
			let from = bad_input(get(&q, "from").map(date).transpose())?.unwrap_or(0);
			// `to` includes its whole day.
			let to = bad_input(get(&q, "to").map(date).transpose())?
				.map_or(u64::MAX / 2, |t| t + 86_399_999);
			if from > to {
				return Err(Problem::Bad("`from` is after `to`".into()));
			}
			let format = get(&q, "format").unwrap_or("json");
			if format != "json" && format != "csv" {
				return Err(Problem::Bad(format!("unknown format `{format}` (json or csv)")));
			}
			let asset = get(&q, "asset").unwrap_or(crate::extract::PEER);
			if asset != crate::extract::PEER && asset.parse::<u32>().is_err() {
				return Err(Problem::Bad(format!("unknown asset `{asset}` (PEER or an asset id)")));
			}
			let max = if format == "csv" { MAX_CSV_LINES } else { MAX_LIMIT };
			let page = Page {
				offset: bad_input(offset(&q))?,
				limit: bad_input(limit_up_to(&q, max, max))?,
			};
			let statement = stored(store.statement(&who, asset, from, to, page))?;
			let lines = &statement.lines;
			if format == "csv" {
				return Ok(Reply(StatusCode::OK, "text/csv", statement_csv(asset, lines)));
			}
			let shown = page.offset.saturating_add(lines.len() as u32);
			Ok(ok(StatementPage {
				account: who,
				asset: asset.to_string(),
				lines: lines
					.iter()
					.map(|l| StatementEntry {
						block: l.block,
						time: l.time_ms,
						extrinsic: l.extrinsic,
						kind: l.kind.clone(),
						mission: l.mission,
						free: in_units(asset, l.free),
						held: in_units(asset, l.held),
					})
					.collect(),
				free_total: in_units(asset, statement.free_total),
				total_lines: statement.count,
				next_offset: (shown < statement.count).then_some(shown),
			}))
		}
		["motions"] => Ok(ok(stored(store.motions(bad_input(limit(&q, 100))?))?)),
		["members", who, "timeline"] => {
			let page =
				Page { offset: bad_input(offset(&q))?, limit: bad_input(limit(&q, MAX_LIMIT))? };
			Ok(ok(stored(store.member_timeline(&bad_input(account(who))?, page))?))
		}
		["multisig-calls", hash] => {
			let valid = hash.len() == 66
				&& hash.starts_with("0x")
				&& hash[2..].bytes().all(|b| b.is_ascii_hexdigit());
			if !valid {
				return Err(Problem::Bad(format!(
					"`{hash}` is not a call hash (0x and 64 hex digits)"
				)));
			}
			let hash = hash.to_ascii_lowercase();
			let data = stored(store.multisig_call(&hash))?;
			data.map(|d| ok(MultisigCall { data: format!("0x{}", crate::chain::hex(&d)), hash }))
				.ok_or_else(|| {
					Problem::NotFound("no multisig operation with this call hash seen".into())
				})
		}
		_ => Err(Problem::NotFound(format!("no such path `{}`", uri.path()))),
	}
}

/// Answers one request; pure apart from the store, so tests call it directly.
pub fn route(store: &dyn Store, method: &hyper::Method, uri: &hyper::Uri) -> Reply {
	if method != hyper::Method::GET {
		return problem(StatusCode::METHOD_NOT_ALLOWED, "read-only: GET only");
	}
	match answer(store, uri) {
		Ok(reply) => reply,
		Err(Problem::Bad(message)) => bad(message),
		Err(Problem::NotFound(message)) => not_found(message),
		Err(Problem::Store(message)) => problem(StatusCode::INTERNAL_SERVER_ERROR, message),
	}
}

/// Answers one request on a read-only connection of its own, on a blocking
/// thread: reads never wait for the follower (WAL), never stall indexing (no
/// shared lock, no SQLite on the async threads), and stop at [`REQUEST_LIMIT`].
pub fn answer_from(path: &str, method: &hyper::Method, uri: &hyper::Uri) -> Reply {
	let deadline = std::time::Instant::now() + REQUEST_LIMIT;
	match crate::store::Sqlite::open_read(path, deadline) {
		Ok(store) => {
			let reply = route(&store, method, uri);
			if reply.0 == StatusCode::INTERNAL_SERVER_ERROR && std::time::Instant::now() >= deadline
			{
				return unavailable();
			}
			reply
		}
		Err(e) => problem(StatusCode::SERVICE_UNAVAILABLE, e),
	}
}

fn unavailable() -> Reply {
	problem(
		StatusCode::SERVICE_UNAVAILABLE,
		format!(
			"the request took longer than {} s: ask for less (limit, a shorter period)",
			REQUEST_LIMIT.as_secs()
		),
	)
}

/// Serves the API on `addr`, reading the database at `path` (and the document
/// store under `/documents`, if it runs), until the process ends.
pub async fn serve(
	addr: std::net::SocketAddr,
	path: String,
	documents: Option<Arc<crate::documents::Documents>>,
) -> std::io::Result<()> {
	let listener = tokio::net::TcpListener::bind(addr).await?;
	eprintln!("[indexer] API on http://{}", listener.local_addr()?);
	let path = Arc::new(path);
	loop {
		let (stream, peer) = listener.accept().await?;
		let path = path.clone();
		let documents = documents.clone();
		tokio::spawn(async move {
			let service = hyper::service::service_fn(move |req: Request<Incoming>| {
				let path = path.clone();
				let documents = documents.clone();
				async move {
					if req.uri().path().starts_with("/documents") {
						return Ok(match &documents {
							Some(docs) => crate::documents::http::handle(docs, req, peer.ip()).await,
							None => Response::builder()
								.status(StatusCode::NOT_FOUND)
								.header("content-type", "application/json")
								.header("access-control-allow-origin", "*")
								.body(Full::new(Bytes::from(
									"{\"error\":\"this indexer runs no document store (--documents)\",\"code\":\"no_store\"}",
								)))
								.expect("a valid response"),
						});
					}
					let (method, uri) = (req.method().clone(), req.uri().clone());
					let Reply(status, kind, body) =
						tokio::task::spawn_blocking(move || answer_from(&path, &method, &uri))
							.await
							.unwrap_or_else(|_| unavailable());
					Response::builder()
						.status(status)
						.header("content-type", kind)
						.header("access-control-allow-origin", "*")
						.body(Full::new(Bytes::from(body)))
				}
			});
			let io = hyper_util::rt::TokioIo::new(stream);
			let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, service).await;
		});
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::store::Sqlite;
	use serde_json::{json, Value};

	fn call(store: &dyn Store, uri: &str) -> (StatusCode, Value) {
		let Reply(status, _, body) = route(store, &hyper::Method::GET, &uri.parse().unwrap());
		(status, serde_json::from_str(&body).unwrap_or(Value::String(body)))
	}

	#[test]
	fn amounts_are_decimal_strings() {
		assert_eq!(decimal(1_500_000_000_000), "1.500000000000");
		assert_eq!(decimal(-1), "-0.000000000001");
		assert_eq!(decimal(0), "0.000000000000");
		assert_eq!(decimal(i128::MAX), "170141183460469231731687303.715884105727");
	}

	#[test]
	fn csv_cells_never_run_as_formulas() {
		// Amounts stay numbers, negative ones included.
		for number in [
			"0",
			"12",
			"-0.000000000001",
			"1.500000000000",
			"-170141183460469231731687303.715884105727",
		] {
			assert_eq!(csv_cell(number), number);
		}
		// Anything else a spreadsheet would evaluate is turned into text.
		for (hostile, shown) in [
			("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
			("+1+1", "'+1+1"),
			("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
			("@SUM(A1:A2)", "'@SUM(A1:A2)"),
			("\t=1", "'\t=1"),
			("\r=1", "\"'\r=1\""),
			("-", "'-"),
			("-1.", "'-1."),
			("--1", "'--1"),
		] {
			assert_eq!(csv_cell(hostile), shown, "{hostile:?}");
		}
		// A comma, quote or line break is quoted, so a cell cannot add cells or rows.
		assert_eq!(csv_cell("a,b"), "\"a,b\"");
		assert_eq!(csv_cell("a\nb"), "\"a\nb\"");
		assert_eq!(csv_cell("payout received"), "payout received");
		let line = |kind: &str| StatementLine {
			block: 7,
			time_ms: 1,
			extrinsic: Some(2),
			kind: kind.into(),
			mission: None,
			free: -5,
			held: 5,
		};
		assert_eq!(
			statement_csv("PEER", &[line("=1+1"), line("fee")]),
			"block,time_utc_ms,extrinsic,kind,mission,asset,free_change,held_change\n\
			 7,1,2,'=1+1,,PEER,-0.000000000005,0.000000000005\n\
			 7,1,2,fee,,PEER,-0.000000000005,0.000000000005\n"
		);
		// An asset's amounts are in its smallest unit.
		assert_eq!(
			statement_csv("42", &[line("payout received")]),
			"block,time_utc_ms,extrinsic,kind,mission,asset,free_change,held_change\n\
			 7,1,2,payout received,,42,-5,5\n"
		);
	}

	#[test]
	fn dates_are_checked() {
		assert_eq!(date("1970-01-02"), Ok(86_400_000));
		assert_eq!(date("2024-02-29").map(|d| d / 86_400_000), Ok(19_782));
		for bad in ["2023-02-29", "2026-13-01", "2026-1", "yesterday", "2026-00-10", ""] {
			assert!(date(bad).is_err(), "{bad}");
		}
	}

	#[test]
	fn bad_input_gets_a_400_with_a_message_and_nothing_panics() {
		let dir = tempfile::tempdir().unwrap();
		let store = Sqlite::open(dir.path().join("db").to_str().unwrap()).unwrap();
		let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
		for uri in [
			"/accounts/nobody/statement".to_string(),
			format!("/accounts/{alice}/statement?from=2026-05-02&to=2026-05-01"),
			format!("/accounts/{alice}/statement?from=May"),
			format!("/accounts/{alice}/statement?format=pdf"),
			format!("/accounts/{alice}/statement?asset=USD"),
			"/missions?limit=1000000".to_string(),
			"/missions?limit=0".to_string(),
			"/missions?status=lost".to_string(),
			"/missions?owner=0x00".to_string(),
			"/missions/abc".to_string(),
			"/motions?limit=-1".to_string(),
			"/members/xyz/timeline".to_string(),
			format!("/accounts/{alice}/statement?limit=0"),
			format!("/accounts/{alice}/statement?limit=1001"),
			format!("/accounts/{alice}/statement?format=csv&limit=100001"),
			format!("/accounts/{alice}/statement?offset=-1"),
			format!("/members/{alice}/timeline?limit=5000"),
			"/multisig-calls/0x12".to_string(),
			format!("/multisig-calls/0x{}", "zz".repeat(32)),
		] {
			let (status, body) = call(&store, &uri);
			assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
			assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()), "{uri}: {body}");
		}
		assert_eq!(call(&store, "/nowhere").0, StatusCode::NOT_FOUND);
		assert_eq!(call(&store, "/missions/4").0, StatusCode::NOT_FOUND);
		assert_eq!(
			call(&store, &format!("/multisig-calls/0x{}", "ab".repeat(32))).0,
			StatusCode::NOT_FOUND
		);
		assert_eq!(call(&store, "/health").1["indexed"], Value::Null);
		let (status, body) =
			call(&store, &format!("/accounts/{alice}/statement?from=2026-01-01&to=2026-12-31"));
		assert_eq!(status, StatusCode::OK);
		assert_eq!(body["free_total"], "0.000000000000");
		assert_eq!(
			(body["total_lines"].clone(), body["next_offset"].clone()),
			(json!(0), Value::Null)
		);
		let Reply(_, kind, csv) = route(
			&store,
			&hyper::Method::GET,
			&format!("/accounts/{alice}/statement?format=csv").parse().unwrap(),
		);
		assert_eq!(kind, "text/csv");
		assert!(csv.starts_with("block,time_utc_ms,"));
		let post = route(&store, &hyper::Method::POST, &"/missions".parse().unwrap());
		assert_eq!(post.0, StatusCode::METHOD_NOT_ALLOWED);
	}
}
