//! The store's HTTP API, beside the history's (same server, `/documents`).
//!
//! | request | answer |
//! | --- | --- |
//! | `GET /documents/challenge` | `{ challenge, expires_in }`: a one-use challenge to sign |
//! | `POST /documents?mission=&kind=&milestone=&name=` + proof, body: the bytes | `201` with the document's record |
//! | `POST /documents/missions/{id}` + proof | the mission's documents the signer may read (texts inline) |
//! | `POST /documents/{hash}` + proof | the bytes, as a download |
//! | `POST /documents/missions/{id}/public?value=true\|false` + proof | `204`: the owner opens what the mission asks to every member |
//!
//! The proof is in the query: `signer` (SS58), `signature` (hex, over
//! `peer-documents <what is asked> challenge=<challenge>`), `challenge`, and
//! when speaking for a firm `for` (the account acted for by proxy) and/or
//! `signatories` (comma-separated SS58) with `threshold`. A refusal is JSON
//! `{ error, code }` with a status that says its class (401 proof, 403 rules,
//! 404, 409 pending, 413, 429 limits).

use super::{
	access::{parse_hash, Proof},
	rules::{Kind, Refusal},
	Documents, Record, Upload,
};
use crate::answers::{DocumentAnswer, DocumentChallenge, DocumentRefused};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{body::Incoming, Method, Request, Response, StatusCode};
use std::{
	collections::HashMap,
	net::IpAddr,
	sync::Mutex,
	time::{Duration, Instant},
};

/// The API's bounds.
pub struct Limits {
	/// Requests per address and minute (challenges, reads, uploads).
	pub per_minute: u32,
	/// Uploads per address and minute.
	pub uploads_per_minute: u32,
	/// The longest an upload's body may take to arrive.
	pub body_time: Duration,
	/// The longest the chain may take to answer a request's questions.
	pub chain_time: Duration,
	window: Mutex<(Instant, HashMap<(IpAddr, bool), u32>)>,
}

impl Default for Limits {
	fn default() -> Self {
		Self {
			per_minute: 240,
			uploads_per_minute: 30,
			body_time: Duration::from_secs(60),
			chain_time: Duration::from_secs(10),
			window: Mutex::new((Instant::now(), HashMap::new())),
		}
	}
}

impl Limits {
	/// Counts a request from `ip`; false once the minute's share is used.
	pub fn admit(&self, ip: IpAddr, upload: bool) -> bool {
		let mut w = self.window.lock().unwrap_or_else(|e| e.into_inner());
		if w.0.elapsed() >= Duration::from_secs(60) {
			*w = (Instant::now(), HashMap::new());
		}
		let all = w.1.entry((ip, false)).or_default();
		*all += 1;
		let over = *all > self.per_minute;
		if !upload {
			return !over;
		}
		let ups = w.1.entry((ip, true)).or_default();
		*ups += 1;
		!over && *ups <= self.uploads_per_minute
	}
}

type Reply = Response<Full<Bytes>>;

fn query(uri: &hyper::Uri) -> HashMap<String, String> {
	crate::api::query(uri).into_iter().collect()
}

fn proof(q: &HashMap<String, String>) -> Proof {
	Proof {
		signer: q.get("signer").cloned().unwrap_or_default(),
		signature: q.get("signature").cloned().unwrap_or_default(),
		challenge: q.get("challenge").cloned().unwrap_or_default(),
		acting_for: q.get("for").filter(|s| !s.is_empty()).cloned(),
		signatories: q
			.get("signatories")
			.filter(|s| !s.is_empty())
			.map(|s| s.split(',').map(|a| a.trim().to_string()).collect()),
		threshold: q.get("threshold").and_then(|t| t.parse().ok()),
	}
}

fn builder(status: StatusCode) -> hyper::http::response::Builder {
	Response::builder()
		.status(status)
		.header("access-control-allow-origin", "*")
		.header("access-control-expose-headers", "content-disposition, x-peer-document")
		.header("x-content-type-options", "nosniff")
		.header("cache-control", "no-store")
}

fn json(status: StatusCode, body: impl serde::Serialize) -> Reply {
	builder(status)
		.header("content-type", "application/json")
		.body(Full::new(Bytes::from(serde_json::to_string(&body).expect("answers serialize"))))
		.expect("a valid response")
}

pub fn refused(r: &Refusal) -> Reply {
	let status = StatusCode::from_u16(r.status()).unwrap_or(StatusCode::BAD_REQUEST);
	json(status, DocumentRefused { error: r.to_string(), code: r.code().to_string() })
}

fn bad(message: &str) -> Reply {
	json(
		StatusCode::BAD_REQUEST,
		DocumentRefused { error: message.to_string(), code: "bad_request".into() },
	)
}

pub fn answer(r: &Record, text: Option<String>) -> DocumentAnswer {
	DocumentAnswer {
		hash: format!("{:?}", r.hash),
		mission: r.mission,
		kind: r.kind.as_str().to_string(),
		milestone: r.milestone,
		name: r.name.clone(),
		content_type: r.content_type.clone(),
		size: r.size,
		uploader: r.uploader.clone(),
		account: r.account.clone(),
		uploaded: r.uploaded_ms,
		pending: r.pending_until.is_some(),
		text,
	}
}

/// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`.
fn disposition(name: &str) -> String {
	let ascii: String =
		name.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect();
	let encoded =
		percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC).to_string();
	format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// Answers a request under `/documents`.
pub async fn handle(docs: &Documents, req: Request<Incoming>, ip: IpAddr) -> Reply {
	if req.method() == Method::OPTIONS {
		return builder(StatusCode::NO_CONTENT)
			.header("access-control-allow-methods", "GET, POST")
			.header("access-control-allow-headers", "content-type")
			.header("access-control-max-age", "600")
			.body(Full::new(Bytes::new()))
			.expect("a valid response");
	}
	let upload =
		req.method() == Method::POST && req.uri().path().trim_end_matches('/') == "/documents";
	if !docs.limits.admit(ip, upload) {
		return refused(&Refusal::RateLimited);
	}
	let chain_time = docs.limits.chain_time;
	match tokio::time::timeout(chain_time + docs.limits.body_time, route(docs, req)).await {
		Ok(reply) => reply,
		Err(_) => refused(&Refusal::Chain("no answer in time".into())),
	}
}

async fn route(docs: &Documents, req: Request<Incoming>) -> Reply {
	let q = query(req.uri());
	let path = req.uri().path().trim_matches('/').to_string();
	let segments: Vec<&str> = path.split('/').collect();
	let method = req.method().clone();
	let result =
		match (method, segments.as_slice()) {
			(Method::GET, ["documents", "challenge"]) => {
				let challenge = format!("0x{}", crate::chain::hex(&docs.challenges.issue()));
				return json(
					StatusCode::OK,
					DocumentChallenge {
						challenge,
						expires_in: super::access::CHALLENGE_LIFE.as_secs() as u32,
					},
				);
			}
			(Method::POST, ["documents"]) => {
				let Some(mission) = q.get("mission").and_then(|m| m.parse().ok()) else {
					return bad("`mission` must be a mission number");
				};
				let Some(kind) = q.get("kind").and_then(|k| Kind::from_str(k)) else {
					return bad("`kind` must be description, milestone, deliverable, rejection or statement");
				};
				let milestone = match q.get("milestone").filter(|m| !m.is_empty() && *m != "-") {
					None => None,
					Some(m) => match m.parse() {
						Ok(m) => Some(m),
						Err(_) => return bad("`milestone` must be a milestone's index"),
					},
				};
				let max = kind.max_size();
				let bytes = match tokio::time::timeout(
					docs.limits.body_time,
					Limited::new(req.into_body(), max + 1).collect(),
				)
				.await
				{
					Ok(Ok(body)) => body.to_bytes(),
					Ok(Err(_)) => return refused(&Refusal::TooLarge { max }),
					Err(_) => return bad("the upload took too long to arrive"),
				};
				let up = Upload {
					mission,
					kind,
					milestone,
					name: q.get("name").cloned().unwrap_or_default(),
					bytes,
					proof: proof(&q),
				};
				docs.upload(up).await.map(|r| json(StatusCode::CREATED, answer(&r, None)))
			}
			(Method::POST, ["documents", "missions", id]) => {
				let Ok(id) = id.parse() else { return bad("not a mission number") };
				docs.list(id, &proof(&q)).await.map(|list| {
					json(
						StatusCode::OK,
						list.iter().map(|(r, text)| answer(r, text.clone())).collect::<Vec<_>>(),
					)
				})
			}
			(Method::POST, ["documents", "missions", id, "public"]) => {
				let Ok(id) = id.parse() else { return bad("not a mission number") };
				let public = match q.get("value").map(String::as_str) {
					Some("true") => true,
					Some("false") => false,
					_ => return bad("`value` must be true or false"),
				};
				docs.set_public(id, public, &proof(&q)).await.map(|()| {
					builder(StatusCode::NO_CONTENT)
						.body(Full::new(Bytes::new()))
						.expect("a valid response")
				})
			}
			(Method::POST, ["documents", hash]) => {
				let Some(hash) = parse_hash(hash) else {
					return bad("not a document hash (0x and 64 hex digits)");
				};
				docs.read(hash, &proof(&q)).await.map(|(record, bytes)| {
					let kind = if record.content_type.starts_with("text/") {
						format!("{}; charset=utf-8", record.content_type)
					} else {
						record.content_type.clone()
					};
					builder(StatusCode::OK)
						.header("content-type", kind)
						.header("content-disposition", disposition(&record.name))
						.header("content-security-policy", "default-src 'none'; sandbox")
						.header("x-peer-document", format!("{:?}", record.hash))
						.body(Full::new(bytes))
						.expect("a valid response")
				})
			}
			_ => {
				return json(
					StatusCode::NOT_FOUND,
					DocumentRefused {
						error: format!("no such path `/{path}`"),
						code: "no_path".into(),
					},
				)
			}
		};
	result.unwrap_or_else(|r| refused(&r))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn file_names_are_offered_for_download_only() {
		let d = disposition("보고서 v2.pdf");
		assert!(d.starts_with("attachment; filename=\"___ v2.pdf\""), "{d}");
		assert!(d.contains("filename*=UTF-8''%EB%B3%B4"));
	}

	#[test]
	fn an_address_is_held_to_its_share_of_a_minute() {
		let limits = Limits { per_minute: 3, uploads_per_minute: 1, ..Default::default() };
		let ip: IpAddr = "10.0.0.1".parse().unwrap();
		assert!(limits.admit(ip, true));
		assert!(!limits.admit(ip, true), "the second upload in a minute");
		assert!(limits.admit(ip, false));
		assert!(!limits.admit(ip, false), "the fourth request in a minute");
		assert!(limits.admit("10.0.0.2".parse().unwrap(), false), "another address");
	}

	#[test]
	fn queries_are_percent_decoded() {
		let q = query(
			&"/documents?name=%EB%B3%B4%EA%B3%A0%EC%84%9C.md&signatories=a,b".parse().unwrap(),
		);
		assert_eq!(q["name"], "보고서.md");
		assert_eq!(proof(&q).signatories, Some(vec!["a".into(), "b".into()]));
	}
}
