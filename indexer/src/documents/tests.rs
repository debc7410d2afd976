//! The store's rules against a chain the tests set: who reads, who uploads,
//! what is refused and that a refusal changes nothing.

use super::{
	access::tests::{account, key, signed},
	facts::{Facts, MilestoneFacts, MissionFacts},
	rules::{Kind, Refusal},
	*,
};
use futures::future::BoxFuture;
use sp_core::{crypto::AccountId32, Pair};
use std::collections::HashMap;

/// A chain the test sets.
#[derive(Default)]
struct Fake {
	missions: Mutex<HashMap<u32, MissionFacts>>,
	council: Mutex<Vec<AccountId32>>,
	members: Mutex<Vec<AccountId32>>,
	proxies: Mutex<HashMap<AccountId32, Vec<AccountId32>>>,
}

impl Facts for Fake {
	fn mission(&self, id: u32) -> BoxFuture<'_, Result<Option<MissionFacts>, String>> {
		let m = self.missions.lock().unwrap().get(&id).cloned();
		Box::pin(async move { Ok(m) })
	}
	fn council(&self) -> BoxFuture<'_, Result<Vec<AccountId32>, String>> {
		let c = self.council.lock().unwrap().clone();
		Box::pin(async move { Ok(c) })
	}
	fn is_member(&self, who: AccountId32) -> BoxFuture<'_, Result<bool, String>> {
		let m = self.members.lock().unwrap().contains(&who);
		Box::pin(async move { Ok(m) })
	}
	fn delegates(&self, who: AccountId32) -> BoxFuture<'_, Result<Vec<AccountId32>, String>> {
		let d = self.proxies.lock().unwrap().get(&who).cloned().unwrap_or_default();
		Box::pin(async move { Ok(d) })
	}
}

const DESCRIPTION: &[u8] = "# 번역 검수\nTranslate the manual into Korean.".as_bytes();
const SPEC: &[u8] = b"Chapter 1, reviewed.";
const DELIVERABLE: &[u8] = b"%PDF-1.7 the translated chapter";
const REASON: &[u8] = b"Chapter 1 is missing its glossary.";

fn blake(b: &[u8]) -> H256 {
	H256(sp_crypto_hashing::blake2_256(b))
}

/// Mission 1: Alice owns it, Bob is on its roster, Charlie pending; one
/// milestone, whose deliverable (by Bob) Alice rejected. Dave is a member on
/// no mission, Ferdie on the council, Eve neither.
fn world() -> (Documents, Arc<Fake>) {
	let fake = Arc::new(Fake::default());
	fake.missions.lock().unwrap().insert(
		1,
		MissionFacts {
			live: true,
			owner: account("Alice"),
			committed: vec![account("Bob"), account("Charlie")],
			description: blake(DESCRIPTION),
			milestones: vec![MilestoneFacts {
				spec: blake(SPEC),
				deliverable: Some((blake(DELIVERABLE), account("Bob"))),
				reason: Some(blake(REASON)),
				disputed: false,
			}],
		},
	);
	*fake.council.lock().unwrap() = vec![account("Ferdie")];
	*fake.members.lock().unwrap() =
		["Alice", "Bob", "Charlie", "Dave", "Ferdie"].map(account).to_vec();
	let dir = tempfile::tempdir().unwrap();
	let docs = Documents::open(
		dir.path().join("documents.sqlite").to_str().unwrap(),
		Arc::new(object_store::memory::InMemory::new()),
		fake.clone(),
	)
	.unwrap();
	std::mem::forget(dir);
	(docs, fake)
}

fn upload(who: &str, kind: Kind, milestone: Option<u32>, bytes: &[u8], docs: &Documents) -> Upload {
	let action = Upload::action(1, kind, milestone, &blake(bytes));
	Upload {
		mission: 1,
		kind,
		milestone,
		name: format!("{}.txt", kind.as_str()),
		bytes: bytes::Bytes::copy_from_slice(bytes),
		proof: signed(who, &action, &docs.challenges),
	}
}

async fn read(who: &str, bytes: &[u8], docs: &Documents) -> Result<Vec<u8>, Refusal> {
	let hash = blake(bytes);
	let proof = signed(who, &format!("read hash={}", hex(&hash.0)), &docs.challenges);
	docs.read(hash, &proof).await.map(|(_, b)| b.to_vec())
}

async fn posted(docs: &Documents) {
	for (who, kind, ms, bytes) in [
		("Alice", Kind::Description, None, DESCRIPTION),
		("Alice", Kind::Milestone, Some(0), SPEC),
		("Bob", Kind::Deliverable, Some(0), DELIVERABLE),
		("Alice", Kind::Rejection, Some(0), REASON),
	] {
		let r = docs.upload(upload(who, kind, ms, bytes, docs)).await.unwrap();
		assert_eq!(r.pending_until, None, "{kind:?}: the chain holds its hash");
	}
}

fn count(docs: &Documents) -> u32 {
	docs.db().query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0)).unwrap()
}

#[tokio::test]
async fn the_mission_reads_its_documents_and_no_one_else_does() {
	let (docs, fake) = world();
	posted(&docs).await;
	// Owner, roster and pending read everything.
	for who in ["Alice", "Bob", "Charlie"] {
		for bytes in [DESCRIPTION, SPEC, DELIVERABLE, REASON] {
			assert_eq!(read(who, bytes, &docs).await.unwrap(), bytes, "{who}");
		}
	}
	// A member on no mission, the council without a dispute, an outsider: no.
	for who in ["Dave", "Ferdie", "Eve"] {
		for bytes in [DESCRIPTION, DELIVERABLE, REASON] {
			assert!(
				matches!(
					read(who, bytes, &docs).await,
					Err(Refusal::NotOnMission { disputed: false, .. })
				),
				"{who}"
			);
		}
	}
	// The listing: texts inline for the roster; refused, with why, to others.
	let list = docs.list(1, &signed("Bob", "list mission=1", &docs.challenges)).await.unwrap();
	assert_eq!(list.len(), 4);
	assert_eq!(list[0].1.as_deref(), std::str::from_utf8(DESCRIPTION).ok());
	assert_eq!(
		list.iter().find(|(r, _)| r.kind == Kind::Deliverable).unwrap().1,
		None,
		"a PDF is read on its own"
	);
	let refused = docs.list(1, &signed("Dave", "list mission=1", &docs.challenges)).await;
	assert!(matches!(refused, Err(Refusal::NotOnMission { .. })));
	// A dispute opens the mission to the council, and only to it.
	fake.missions.lock().unwrap().get_mut(&1).unwrap().milestones[0].disputed = true;
	assert_eq!(read("Ferdie", DELIVERABLE, &docs).await.unwrap(), DELIVERABLE);
	assert_eq!(read("Ferdie", REASON, &docs).await.unwrap(), REASON);
	assert!(read("Dave", REASON, &docs).await.is_err());
	// Settled: the council's access ends with it.
	fake.missions.lock().unwrap().get_mut(&1).unwrap().milestones[0].disputed = false;
	assert!(matches!(read("Ferdie", REASON, &docs).await, Err(Refusal::NotOnMission { .. })));
	// Every request was logged with its account.
	let logged: u32 = docs
		.db()
		.query_row(
			"SELECT COUNT(*) FROM access_log WHERE account = ?1 AND action = 'read'",
			params![account("Dave").to_ss58check()],
			|r| r.get(0),
		)
		.unwrap();
	assert_eq!(logged, 4);
}

#[tokio::test]
async fn a_removed_roster_member_loses_access() {
	let (docs, fake) = world();
	posted(&docs).await;
	assert!(read("Charlie", DELIVERABLE, &docs).await.is_ok());
	// The owner rejects Charlie's commitment: the chain no longer holds it.
	fake.missions
		.lock()
		.unwrap()
		.get_mut(&1)
		.unwrap()
		.committed
		.retain(|a| a != &account("Charlie"));
	assert!(matches!(read("Charlie", DELIVERABLE, &docs).await, Err(Refusal::NotOnMission { .. })));
	assert!(matches!(read("Charlie", DESCRIPTION, &docs).await, Err(Refusal::NotOnMission { .. })));
}

#[tokio::test]
async fn a_hash_the_chain_does_not_hold_is_refused_or_kept_pending_then_dropped() {
	let (docs, _) = world();
	// Other bytes as the description: its hash is fixed at posting.
	let r = docs.upload(upload("Alice", Kind::Description, None, b"another text", &docs)).await;
	assert_eq!(r, Err(Refusal::HashMismatch));
	let r = docs.upload(upload("Alice", Kind::Milestone, Some(0), b"another spec", &docs)).await;
	assert_eq!(r, Err(Refusal::HashMismatch));
	assert_eq!(count(&docs), 0);
	// A deliverable the chain does not hold (yet): pending, unreadable, then dropped.
	let other = b"a second version, not submitted";
	let r = docs.upload(upload("Bob", Kind::Deliverable, Some(0), other, &docs)).await.unwrap();
	assert!(r.pending_until.is_some());
	assert_eq!(read("Bob", other, &docs).await, Err(Refusal::Pending));
	assert_eq!(docs.settle_pending().await, Ok((0, 0)), "its time has not run out");
	docs.db().execute("UPDATE documents SET pending_until = 1", []).unwrap();
	assert_eq!(docs.settle_pending().await, Ok((0, 1)));
	assert_eq!(count(&docs), 0);
	assert_eq!(read("Bob", other, &docs).await, Err(Refusal::UnknownDocument));
	assert!(docs.bytes(&blake(other)).await.is_err(), "its bytes went too");
}

#[tokio::test]
async fn a_pending_upload_becomes_readable_once_the_chain_holds_it() {
	let (docs, fake) = world();
	let v2 = b"the chapter, glossary included";
	docs.upload(upload("Bob", Kind::Deliverable, Some(0), v2, &docs)).await.unwrap();
	fake.missions.lock().unwrap().get_mut(&1).unwrap().milestones[0].deliverable =
		Some((blake(v2), account("Bob")));
	assert_eq!(docs.settle_pending().await, Ok((1, 0)));
	assert_eq!(read("Alice", v2, &docs).await.unwrap(), v2);
}

#[tokio::test]
async fn a_wrong_signer_and_a_replayed_challenge_are_refused() {
	let (docs, _) = world();
	// Dave signs an upload that names Alice.
	let mut up = upload("Dave", Kind::Description, None, DESCRIPTION, &docs);
	up.proof.signer = account("Alice").to_ss58check();
	assert!(matches!(docs.upload(up).await, Err(Refusal::Proof(access::ProofError::BadSignature))));
	assert_eq!(count(&docs), 0);
	posted(&docs).await;
	// A read Bob signed, sent twice: the second is refused.
	let hash = blake(DELIVERABLE);
	let proof = signed("Bob", &format!("read hash={}", hex(&hash.0)), &docs.challenges);
	assert!(docs.read(hash, &proof).await.is_ok());
	assert!(matches!(
		docs.read(hash, &proof).await,
		Err(Refusal::Proof(access::ProofError::UnknownChallenge))
	));
	// Bob's signature over a read of another document does not read this one.
	let proof = signed("Bob", &format!("read hash={}", hex(&blake(SPEC).0)), &docs.challenges);
	assert!(matches!(docs.read(hash, &proof).await, Err(Refusal::Proof(_))));
}

#[tokio::test]
async fn only_the_right_party_uploads_each_kind() {
	let (docs, fake) = world();
	for (who, kind, ms, bytes, why) in [
		("Bob", Kind::Description, None, DESCRIPTION, Refusal::OwnerOnly),
		("Bob", Kind::Rejection, Some(0), REASON, Refusal::OwnerOnly),
		("Dave", Kind::Deliverable, Some(0), DELIVERABLE, Refusal::ContributorOnly),
		("Bob", Kind::Statement, Some(0), b"I delivered the glossary.", Refusal::NoDispute),
		("Alice", Kind::Milestone, None, SPEC, Refusal::MilestoneNeeded),
		("Alice", Kind::Description, Some(0), DESCRIPTION, Refusal::NoMilestone),
		("Bob", Kind::Deliverable, Some(5), DELIVERABLE, Refusal::NoMilestone),
	] {
		assert_eq!(
			docs.upload(upload(who, kind, ms, bytes, &docs)).await,
			Err(why),
			"{who} {kind:?}"
		);
	}
	assert_eq!(count(&docs), 0);
	// During a dispute both parties state their case; an outsider cannot.
	fake.missions.lock().unwrap().get_mut(&1).unwrap().milestones[0].disputed = true;
	let statement = b"The glossary is in appendix B.";
	let r = docs.upload(upload("Bob", Kind::Statement, Some(0), statement, &docs)).await.unwrap();
	assert_eq!((r.pending_until, r.account.clone()), (None, account("Bob").to_ss58check()));
	assert_eq!(
		docs.upload(upload("Dave", Kind::Statement, Some(0), b"me too", &docs)).await,
		Err(Refusal::NoDispute)
	);
	assert_eq!(read("Ferdie", statement, &docs).await.unwrap(), statement);
	// An ended mission takes no more documents; its people still read.
	fake.missions.lock().unwrap().get_mut(&1).unwrap().live = false;
	assert_eq!(
		docs.upload(upload("Bob", Kind::Statement, Some(0), b"late", &docs)).await,
		Err(Refusal::Ended)
	);
	assert_eq!(read("Alice", statement, &docs).await.unwrap(), statement);
}

#[tokio::test]
async fn the_store_is_bounded() {
	let (docs, fake) = world();
	let huge = vec![b'a'; Kind::Rejection.max_size() + 1];
	assert_eq!(
		docs.upload(upload("Alice", Kind::Rejection, Some(0), &huge, &docs)).await,
		Err(Refusal::TooLarge { max: Kind::Rejection.max_size() })
	);
	assert_eq!(
		docs.upload(upload("Alice", Kind::Rejection, Some(0), b"", &docs)).await,
		Err(Refusal::Empty)
	);
	// A description is text or a PDF, not an executable or an image.
	fake.missions.lock().unwrap().get_mut(&1).unwrap().description = blake(b"\x7fELF\x02\x01");
	assert_eq!(
		docs.upload(upload("Alice", Kind::Description, None, b"\x7fELF\x02\x01", &docs)).await,
		Err(Refusal::NotText)
	);
	// An account has at most so many uploads waiting for the chain.
	for i in 0..MAX_PENDING_PER_ACCOUNT {
		let bytes = format!("version {i}");
		docs.upload(upload("Bob", Kind::Deliverable, Some(0), bytes.as_bytes(), &docs))
			.await
			.unwrap();
	}
	assert_eq!(
		docs.upload(upload("Bob", Kind::Deliverable, Some(0), b"one more", &docs)).await,
		Err(Refusal::TooManyPending)
	);
	// And at most so many statements per dispute.
	fake.missions.lock().unwrap().get_mut(&1).unwrap().milestones[0].disputed = true;
	for i in 0..MAX_STATEMENTS {
		let bytes = format!("statement {i}");
		docs.upload(upload("Alice", Kind::Statement, Some(0), bytes.as_bytes(), &docs))
			.await
			.unwrap();
	}
	assert_eq!(
		docs.upload(upload("Alice", Kind::Statement, Some(0), b"again", &docs)).await,
		Err(Refusal::TooManyStatements)
	);
	assert_eq!(count(&docs), MAX_PENDING_PER_ACCOUNT + MAX_STATEMENTS);
	// Served text is never HTML.
	assert_eq!(
		rules::check_content(Kind::Deliverable, "x.html", b"<script>alert(1)</script>").unwrap(),
		"text/plain"
	);
	assert_eq!(rules::clean_name("../../etc/\"passwd\";.txt"), "passwd.txt");
}

#[tokio::test]
async fn staff_read_through_their_firms_proxy_and_multisig() {
	let (docs, fake) = world();
	posted(&docs).await;
	// Dave is Bob's proxy: reads for Bob. Eve claims to be and is refused.
	fake.proxies.lock().unwrap().insert(account("Bob"), vec![account("Dave")]);
	let hash = blake(DELIVERABLE);
	let action = format!("read hash={}", hex(&hash.0));
	let mut proof = signed("Dave", &action, &docs.challenges);
	proof.acting_for = Some(account("Bob").to_ss58check());
	assert!(docs.read(hash, &proof).await.is_ok());
	let mut proof = signed("Eve", &action, &docs.challenges);
	proof.acting_for = Some(account("Bob").to_ss58check());
	assert_eq!(docs.read(hash, &proof).await.err(), Some(Refusal::NotAProxy));
	// A firm's 2-of-3 multisig (Eve, Ferdie, Charlie) is Alice's proxy: Eve
	// reads for Alice through it.
	let signatories: Vec<_> = ["Eve", "Ferdie", "Charlie"].map(account).to_vec();
	let firm = access::multisig_account(&signatories, 2);
	fake.proxies.lock().unwrap().insert(account("Alice"), vec![firm]);
	let mut proof = signed("Eve", &action, &docs.challenges);
	proof.acting_for = Some(account("Alice").to_ss58check());
	proof.signatories = Some(signatories.iter().map(|a| a.to_ss58check()).collect());
	proof.threshold = Some(2);
	assert!(docs.read(hash, &proof).await.is_ok());
	let _ = key("Eve").public();
}

#[tokio::test]
async fn an_owner_opens_what_the_mission_asks_to_members_only() {
	let (docs, _) = world();
	posted(&docs).await;
	let refused = docs
		.set_public(1, true, &signed("Bob", "public mission=1 value=true", &docs.challenges))
		.await;
	assert_eq!(refused, Err(Refusal::OwnerOnly));
	assert!(!docs.is_public(1).unwrap());
	docs.set_public(1, true, &signed("Alice", "public mission=1 value=true", &docs.challenges))
		.await
		.unwrap();
	// Dave, a member: the description and the milestone, not the deliverable or the reasons.
	assert_eq!(read("Dave", DESCRIPTION, &docs).await.unwrap(), DESCRIPTION);
	assert_eq!(read("Dave", SPEC, &docs).await.unwrap(), SPEC);
	assert!(matches!(
		read("Dave", DELIVERABLE, &docs).await,
		Err(Refusal::NotOnMission { public: true, .. })
	));
	assert!(read("Dave", REASON, &docs).await.is_err());
	// Eve, no member: nothing.
	assert!(read("Eve", DESCRIPTION, &docs).await.is_err());
	let list = docs.list(1, &signed("Dave", "list mission=1", &docs.challenges)).await.unwrap();
	assert_eq!(
		list.iter().map(|(r, _)| r.kind).collect::<Vec<_>>(),
		[Kind::Description, Kind::Milestone]
	);
}
