//! Who a request speaks for, and whether the chain lets them.
//!
//! A request is signed by one key (sr25519 or ed25519, as a wallet's
//! `signRaw` signs: the message alone or wrapped in `<Bytes>…</Bytes>`) over a
//! message that names what is asked and a challenge the store issued: the
//! challenge is used once and lives [`CHALLENGE_LIFE`], so a signed request
//! cannot be replayed. The signer may speak for a firm's multisig account (it
//! names the signatories and threshold, and is one of them) and, through a proxy
//! the chain holds, for the account it acts for: the same paths the board's
//! "Acting for" offers.

use sp_core::{
	crypto::{AccountId32, Ss58Codec},
	ed25519, sr25519, Pair as _, H256,
};
use std::{
	collections::HashMap,
	sync::Mutex,
	time::{Duration, Instant},
};

/// How long an issued challenge may be answered.
pub const CHALLENGE_LIFE: Duration = Duration::from_secs(120);
/// The most challenges waiting for an answer at once (older ones are dropped).
pub const MAX_OPEN_CHALLENGES: usize = 10_000;

/// The challenges issued and not yet answered.
#[derive(Default)]
pub struct Challenges {
	open: Mutex<HashMap<[u8; 32], Instant>>,
}

impl Challenges {
	/// A new challenge, kept until answered or [`CHALLENGE_LIFE`] has passed.
	pub fn issue(&self) -> [u8; 32] {
		let challenge: [u8; 32] = rand::random();
		let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
		let now = Instant::now();
		open.retain(|_, at| now.duration_since(*at) < CHALLENGE_LIFE);
		if open.len() >= MAX_OPEN_CHALLENGES {
			// The oldest goes: a flood of requests cannot grow the map.
			if let Some(oldest) = open.iter().min_by_key(|(_, at)| **at).map(|(c, _)| *c) {
				open.remove(&oldest);
			}
		}
		open.insert(challenge, now);
		challenge
	}

	/// Takes `challenge` if it was issued, is unanswered and still alive: it
	/// cannot be taken twice.
	pub fn take(&self, challenge: &[u8; 32]) -> bool {
		let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
		matches!(open.remove(challenge), Some(at) if at.elapsed() < CHALLENGE_LIFE)
	}
}

/// Whether `signature` is `signer`'s over `message`: sr25519 or ed25519, 64
/// bytes, or 65 with the `MultiSignature` prefix (0 ed25519, 1 sr25519); the
/// message as it is or wrapped in `<Bytes>…</Bytes>` (what browser wallets
/// sign for `signRaw`).
pub fn verify(signer: &AccountId32, message: &[u8], signature: &[u8]) -> bool {
	let wrapped = [b"<Bytes>".as_slice(), message, b"</Bytes>".as_slice()].concat();
	let public: [u8; 32] = *signer.as_ref();
	let (sr, ed, raw) = match signature.len() {
		64 => (true, true, signature),
		65 if signature[0] == 0 => (false, true, &signature[1..]),
		65 if signature[0] == 1 => (true, false, &signature[1..]),
		_ => return false,
	};
	let Ok(raw): Result<[u8; 64], _> = raw.try_into() else { return false };
	[message, wrapped.as_slice()].iter().any(|m| {
		(sr && sr25519::Pair::verify(
			&sr25519::Signature::from_raw(raw),
			m,
			&sr25519::Public::from_raw(public),
		)) || (ed
			&& ed25519::Pair::verify(
				&ed25519::Signature::from_raw(raw),
				m,
				&ed25519::Public::from_raw(public),
			))
	})
}

/// The account of a multisig (`pallet_multisig::multi_account_id`): the
/// signatories sorted, the threshold, under the pallet's fixed prefix.
pub fn multisig_account(signatories: &[AccountId32], threshold: u16) -> AccountId32 {
	use codec::Encode;
	let mut sorted = signatories.to_vec();
	sorted.sort();
	let hash =
		(b"modlpy/utilisuba", sorted, threshold).using_encoded(sp_crypto_hashing::blake2_256);
	AccountId32::from(hash)
}

/// Who signed a request and whom it speaks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
	/// The key that signed.
	pub signer: AccountId32,
	/// The firm's multisig the signer is one of, if it speaks through one.
	pub multisig: Option<AccountId32>,
	/// The account it acts for by proxy, if any.
	pub acting_for: Option<AccountId32>,
}

impl Speaker {
	/// The account whose rights the request uses: the proxied one, else the
	/// multisig, else the signer.
	pub fn account(&self) -> &AccountId32 {
		self.acting_for.as_ref().or(self.multisig.as_ref()).unwrap_or(&self.signer)
	}

	/// The account that must be a proxy of `acting_for`: the multisig, else the signer.
	pub fn delegate(&self) -> &AccountId32 {
		self.multisig.as_ref().unwrap_or(&self.signer)
	}

	pub fn describe(&self) -> String {
		let mut s = self.signer.to_ss58check();
		if let Some(m) = &self.multisig {
			s.push_str(&format!(" (multisig {})", m.to_ss58check()));
		}
		if let Some(a) = &self.acting_for {
			s.push_str(&format!(" for {}", a.to_ss58check()));
		}
		s
	}
}

/// A signed request's proof, as it arrives.
#[derive(Clone, Debug, Default)]
pub struct Proof {
	pub signer: String,
	pub signature: String,
	pub challenge: String,
	/// SS58 of the account acted for by proxy.
	pub acting_for: Option<String>,
	/// The multisig's signatories (SS58, the signer among them) and threshold.
	pub signatories: Option<Vec<String>>,
	pub threshold: Option<u16>,
}

/// Why a request's proof is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofError {
	BadAccount(String),
	BadSignature,
	UnknownChallenge,
	NotASignatory,
	BadMultisig(String),
}

impl std::fmt::Display for ProofError {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		match self {
			ProofError::BadAccount(a) => write!(f, "`{a}` is not an SS58 account address"),
			ProofError::BadSignature => f.write_str(
				"the signature is not the signer's over this request (sr25519 or ed25519, \
				 hex-encoded)",
			),
			ProofError::UnknownChallenge => f.write_str(
				"the challenge is unknown, used already or expired: ask for a new one \
				 (GET /documents/challenge) and sign again",
			),
			ProofError::NotASignatory => {
				f.write_str("the signer is not one of the multisig's signatories")
			}
			ProofError::BadMultisig(why) => write!(f, "the multisig is not well formed: {why}"),
		}
	}
}

pub fn parse_account(s: &str) -> Result<AccountId32, ProofError> {
	AccountId32::from_ss58check(s).map_err(|_| ProofError::BadAccount(s.to_string()))
}

pub fn parse_hex(s: &str) -> Option<Vec<u8>> {
	crate::chain::unhex(s).ok()
}

pub fn parse_hash(s: &str) -> Option<H256> {
	let bytes = parse_hex(s)?;
	(bytes.len() == 32 && s.starts_with("0x")).then(|| H256::from_slice(&bytes))
}

/// The words a request signs: what it asks (`action`), then the challenge.
pub fn message(action: &str, challenge: &str) -> String {
	format!("peer-documents {action} challenge={challenge}")
}

impl Proof {
	/// The speaker, if the signature is the signer's over `action` with a live
	/// challenge (taken: it cannot be used again). Whether the proxy exists is
	/// the chain's to say (`Facts::delegates`).
	pub fn check(&self, action: &str, challenges: &Challenges) -> Result<Speaker, ProofError> {
		let signer = parse_account(&self.signer)?;
		let signature = parse_hex(&self.signature).ok_or(ProofError::BadSignature)?;
		let challenge: [u8; 32] = parse_hex(&self.challenge)
			.and_then(|c| c.try_into().ok())
			.ok_or(ProofError::UnknownChallenge)?;
		let multisig = match (&self.signatories, self.threshold) {
			(None, None) => None,
			(Some(list), Some(threshold)) => {
				let list = list.iter().map(|a| parse_account(a)).collect::<Result<Vec<_>, _>>()?;
				if !(2..=100).contains(&list.len())
					|| threshold < 1
					|| threshold as usize > list.len()
				{
					return Err(ProofError::BadMultisig(format!(
						"{} signatories, threshold {threshold}",
						list.len()
					)));
				}
				if !list.contains(&signer) {
					return Err(ProofError::NotASignatory);
				}
				Some(multisig_account(&list, threshold))
			}
			_ => {
				return Err(ProofError::BadMultisig("signatories and threshold go together".into()))
			}
		};
		let acting_for = self.acting_for.as_deref().map(parse_account).transpose()?;
		// The signature first: an unsigned request does not use up a challenge.
		if !verify(&signer, message(action, &self.challenge).as_bytes(), &signature) {
			return Err(ProofError::BadSignature);
		}
		if !challenges.take(&challenge) {
			return Err(ProofError::UnknownChallenge);
		}
		Ok(Speaker { signer, multisig, acting_for })
	}
}

#[cfg(test)]
pub mod tests {
	use super::*;
	use sp_core::crypto::Pair;

	pub fn key(name: &str) -> sr25519::Pair {
		sr25519::Pair::from_string(&format!("//{name}"), None).unwrap()
	}

	pub fn account(name: &str) -> AccountId32 {
		key(name).public().into()
	}

	/// A proof by `name` over `action` with a fresh challenge.
	pub fn signed(name: &str, action: &str, challenges: &Challenges) -> Proof {
		let challenge = format!("0x{}", crate::chain::hex(&challenges.issue()));
		let signature = key(name).sign(message(action, &challenge).as_bytes());
		Proof {
			signer: account(name).to_ss58check(),
			signature: format!("0x{}", crate::chain::hex(&signature.0)),
			challenge,
			..Default::default()
		}
	}

	#[test]
	fn a_challenge_is_answered_once() {
		let challenges = Challenges::default();
		let proof = signed("Alice", "read hash=0x00", &challenges);
		assert_eq!(proof.check("read hash=0x00", &challenges).unwrap().signer, account("Alice"));
		// The same signed request again: refused.
		assert_eq!(proof.check("read hash=0x00", &challenges), Err(ProofError::UnknownChallenge));
		// A challenge the store never issued.
		let mut forged = signed("Alice", "read hash=0x00", &challenges);
		forged.challenge = format!("0x{}", "11".repeat(32));
		let sig = key("Alice").sign(message("read hash=0x00", &forged.challenge).as_bytes());
		forged.signature = format!("0x{}", crate::chain::hex(&sig.0));
		assert_eq!(forged.check("read hash=0x00", &challenges), Err(ProofError::UnknownChallenge));
	}

	#[test]
	fn a_signature_by_another_key_or_over_other_words_is_refused() {
		let challenges = Challenges::default();
		// Bob signs, the request names Alice.
		let mut proof = signed("Bob", "read hash=0x00", &challenges);
		proof.signer = account("Alice").to_ss58check();
		assert_eq!(proof.check("read hash=0x00", &challenges), Err(ProofError::BadSignature));
		// Alice signed a read of another document.
		let proof = signed("Alice", "read hash=0x01", &challenges);
		assert_eq!(proof.check("read hash=0x00", &challenges), Err(ProofError::BadSignature));
		// Refused signatures did not use the challenge up.
		assert!(proof.check("read hash=0x01", &challenges).is_ok());
		let mut bad = signed("Alice", "x", &challenges);
		bad.signature = "0x1234".into();
		assert_eq!(bad.check("x", &challenges), Err(ProofError::BadSignature));
	}

	#[test]
	fn wallets_wrapping_and_prefixes_and_ed25519_are_understood() {
		let m = b"peer-documents read";
		let wrapped = [b"<Bytes>".as_slice(), m, b"</Bytes>"].concat();
		let sr = key("Alice");
		let sig = sr.sign(&wrapped).0;
		assert!(verify(&account("Alice"), m, &sig));
		assert!(verify(&account("Alice"), m, &[&[1u8][..], &sig].concat()));
		assert!(!verify(&account("Alice"), m, &[&[0u8][..], &sig].concat()));
		let ed = ed25519::Pair::from_string("//Eve", None).unwrap();
		let who = AccountId32::from(ed.public().0);
		assert!(verify(&who, m, &ed.sign(m).0));
		assert!(!verify(&who, b"other", &ed.sign(m).0));
	}

	#[test]
	fn a_multisig_member_speaks_for_the_multisig_others_do_not() {
		let challenges = Challenges::default();
		let list = ["Alice", "Bob", "Charlie"].map(|n| account(n).to_ss58check()).to_vec();
		let mut proof = signed("Bob", "list mission=1", &challenges);
		proof.signatories = Some(list.clone());
		proof.threshold = Some(2);
		let speaker = proof.check("list mission=1", &challenges).unwrap();
		let ids = ["Alice", "Bob", "Charlie"].map(account);
		assert_eq!(speaker.multisig, Some(multisig_account(&ids, 2)));
		assert_eq!(speaker.account(), &multisig_account(&ids, 2));
		let mut outsider = signed("Dave", "list mission=1", &challenges);
		outsider.signatories = Some(list);
		outsider.threshold = Some(2);
		assert_eq!(outsider.check("list mission=1", &challenges), Err(ProofError::NotASignatory));
	}
}
