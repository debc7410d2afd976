//! Decoding a block with the metadata of the runtime that produced it.
//!
//! The indexer is not built with the runtime: each runtime version's metadata
//! (V15, from `Metadata_metadata_at_version` at a block of that version) says
//! the pallets, events, calls and their field types, and every event and
//! extrinsic is decoded with it into values (`scale-value`) whose names come
//! from the metadata, never from `Debug` text. A block is decoded with the
//! runtime of its parent's state: the block that applies new code still ran the
//! old one.

use codec::Decode;
use frame_metadata::{v15::RuntimeMetadataV15, RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, TypeDef, TypeDefPrimitive};
use scale_value::{Composite, Primitive, Value, ValueDef};
use serde_json::json;
use sp_core::crypto::{AccountId32, Ss58Codec};
use std::collections::HashSet;

/// A decoded value; its context is the id of its type in the runtime's registry.
pub type Val = Value<u32>;
pub type Fields = Composite<u32>;

/// One runtime version: its metadata and what the indexer looks up in it.
pub struct Runtime {
	pub spec_version: u32,
	metadata: RuntimeMetadataV15,
	/// `System.Events`: `Vec<EventRecord<RuntimeEvent, Hash>>`.
	events_ty: u32,
	/// `RuntimeCall`, the outer call enum.
	call_ty: u32,
	/// Types that are a 32-byte account id (`AccountId32`).
	accounts: HashSet<u32>,
	/// Byte strings (`Vec<u8>`, `[u8; N]`): shown as hex.
	bytes: HashSet<u32>,
	/// Integers wider than JavaScript's safe ones (64 and 128 bits, plain or
	/// compact): shown as decimal strings.
	wide: HashSet<u32>,
}

/// An event of a block, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
	/// The extrinsic that emitted it (`Phase::ApplyExtrinsic`).
	pub extrinsic: Option<u32>,
	pub pallet: String,
	pub name: String,
	pub fields: Fields,
}

/// An extrinsic of a block, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Extrinsic {
	/// The signing account (`MultiAddress::Id`).
	pub signer: Option<AccountId32>,
	/// The call: `Pallet(call { fields })`, typed as `RuntimeCall`.
	pub call: Val,
}

impl Runtime {
	/// From the SCALE bytes of `RuntimeMetadataPrefixed` (what
	/// `Metadata_metadata_at_version(15)` returns inside its `Option`).
	pub fn from_metadata(spec_version: u32, bytes: &[u8]) -> Result<Self, String> {
		let prefixed = RuntimeMetadataPrefixed::decode(&mut &bytes[..])
			.map_err(|e| format!("runtime {spec_version}: metadata does not decode: {e}"))?;
		let RuntimeMetadata::V15(metadata) = prefixed.1 else {
			return Err(format!("runtime {spec_version}: metadata is not V15"));
		};
		let events_ty = metadata
			.pallets
			.iter()
			.find(|p| p.name == "System")
			.and_then(|p| p.storage.as_ref())
			.and_then(|s| s.entries.iter().find(|e| e.name == "Events"))
			.and_then(|e| match &e.ty {
				frame_metadata::v15::StorageEntryType::Plain(ty) => Some(ty.id),
				_ => None,
			})
			.ok_or_else(|| format!("runtime {spec_version}: no System.Events in its metadata"))?;
		let call_ty = metadata.extrinsic.call_ty.id;
		let (mut accounts, mut bytes, mut wide) = (HashSet::new(), HashSet::new(), HashSet::new());
		let is_u8 = |id: u32| {
			matches!(
				metadata.types.resolve(id).map(|t| &t.type_def),
				Some(TypeDef::Primitive(TypeDefPrimitive::U8))
			)
		};
		let is_wide = |def: &TypeDef<PortableForm>| {
			use TypeDefPrimitive::*;
			matches!(def, TypeDef::Primitive(U64 | U128 | U256 | I64 | I128 | I256))
		};
		for ty in &metadata.types.types {
			let def = &ty.ty.type_def;
			if ty.ty.path.segments.last().is_some_and(|s| s == "AccountId32") {
				accounts.insert(ty.id);
			}
			match def {
				TypeDef::Sequence(s) if is_u8(s.type_param.id) => {
					bytes.insert(ty.id);
				}
				TypeDef::Array(a) if is_u8(a.type_param.id) => {
					bytes.insert(ty.id);
				}
				TypeDef::Compact(c)
					if metadata
						.types
						.resolve(c.type_param.id)
						.is_some_and(|t| is_wide(&t.type_def)) =>
				{
					wide.insert(ty.id);
				}
				d if is_wide(d) => {
					wide.insert(ty.id);
				}
				_ => {}
			}
		}
		Ok(Self { spec_version, metadata, events_ty, call_ty, accounts, bytes, wide })
	}

	/// The type of a storage item's value (`pallet.item`), if the runtime has it.
	pub fn storage_ty(&self, pallet: &str, item: &str) -> Option<u32> {
		use frame_metadata::v15::StorageEntryType;
		let entry = self
			.metadata
			.pallets
			.iter()
			.find(|p| p.name == pallet)?
			.storage
			.as_ref()?
			.entries
			.iter()
			.find(|e| e.name == item)?;
		Some(match &entry.ty {
			StorageEntryType::Plain(ty) => ty.id,
			StorageEntryType::Map { value, .. } => value.id,
		})
	}

	/// The type a runtime API method (`Api_method`) returns, if the runtime has it.
	pub fn api_output_ty(&self, api: &str, method: &str) -> Option<u32> {
		let api = self.metadata.apis.iter().find(|a| a.name == api)?;
		Some(api.methods.iter().find(|m| m.name == method)?.output.id)
	}

	/// SCALE bytes of type `ty`, decoded; every byte must be used.
	pub fn decode_as(&self, ty: u32, bytes: &[u8]) -> Result<Val, String> {
		let mut input = bytes;
		let v = scale_value::scale::decode_as_type(&mut input, ty, &self.metadata.types)
			.map_err(|e| e.to_string())?;
		if !input.is_empty() {
			return Err(format!("{} bytes left over", input.len()));
		}
		Ok(v)
	}

	/// Every event the runtime declares, as (pallet, event).
	pub fn event_names(&self) -> Vec<(String, String)> {
		let mut out = Vec::new();
		for pallet in &self.metadata.pallets {
			let Some(ev) = &pallet.event else { continue };
			if let Some(TypeDef::Variant(v)) =
				self.metadata.types.resolve(ev.ty.id).map(|t| &t.type_def)
			{
				out.extend(v.variants.iter().map(|x| (pallet.name.clone(), x.name.clone())));
			}
		}
		out
	}

	/// `System.Events`, decoded.
	pub fn events(&self, bytes: &[u8]) -> Result<Vec<Event>, String> {
		let records = scale_value::scale::decode_as_type(
			&mut &bytes[..],
			self.events_ty,
			&self.metadata.types,
		)
		.map_err(|e| e.to_string())?;
		let ValueDef::Composite(records) = records.value else {
			return Err("the events are not a sequence".into());
		};
		records
			.into_values()
			.map(|record| {
				let ValueDef::Composite(Composite::Named(record)) = record.value else {
					return Err("an event record that is not a record".to_string());
				};
				let (mut phase, mut event) = (None, None);
				for (name, value) in record {
					match name.as_str() {
						"phase" => phase = Some(value),
						"event" => event = Some(value),
						_ => {}
					}
				}
				let phase = phase.ok_or("an event record without a phase")?;
				let extrinsic = match &phase.value {
					ValueDef::Variant(v) if v.name == "ApplyExtrinsic" => {
						v.values.values().next().and_then(uint).map(|i| i as u32)
					}
					_ => None,
				};
				let not_an_event = || "an event that is not Pallet(Event { .. })".to_string();
				let ValueDef::Variant(outer) =
					event.ok_or("an event record without an event")?.value
				else {
					return Err(not_an_event());
				};
				let inner = outer.values.into_values().next().ok_or_else(not_an_event)?;
				let ValueDef::Variant(inner) = inner.value else { return Err(not_an_event()) };
				Ok(Event { extrinsic, pallet: outer.name, name: inner.name, fields: inner.values })
			})
			.collect()
	}

	/// An extrinsic as the block carries it (with its length prefix), decoded.
	pub fn extrinsic(&self, bytes: &[u8]) -> Result<Extrinsic, String> {
		let types = &self.metadata.types;
		let xt = frame_decode::extrinsics::decode_extrinsic(&mut &bytes[..], &self.metadata, types)
			.map_err(|e| e.to_string())?;
		let signer = match xt.signature_payload() {
			Some(sig) => {
				let address = scale_value::scale::decode_as_type(
					&mut &bytes[sig.address_range()],
					*sig.address_type(),
					types,
				)
				.map_err(|e| e.to_string())?;
				match &address.value {
					ValueDef::Variant(v) if v.name == "Id" => {
						v.values.values().next().and_then(|a| self.account(a))
					}
					_ => self.account(&address),
				}
			}
			None => None,
		};
		let call = scale_value::scale::decode_as_type(
			&mut &bytes[xt.call_data_range()],
			self.call_ty,
			types,
		)
		.map_err(|e| e.to_string())?;
		Ok(Extrinsic { signer, call })
	}

	/// The value's SCALE encoding, as its type says (the hash of a proposed call
	/// is that of these bytes).
	pub fn encode(&self, v: &Val) -> Result<Vec<u8>, String> {
		let mut out = Vec::new();
		scale_value::scale::encode_as_type(v, v.context, &self.metadata.types, &mut out)
			.map_err(|e| e.to_string())?;
		Ok(out)
	}

	/// An account, if the value is one.
	pub fn account(&self, v: &Val) -> Option<AccountId32> {
		if !self.accounts.contains(&v.context) {
			return None;
		}
		let raw: [u8; 32] = bytes_of(v)?.try_into().ok()?;
		Some(AccountId32::from(raw))
	}

	/// Every account the value names, in order, once each.
	pub fn accounts_in(&self, v: &Val, out: &mut Vec<AccountId32>) {
		if let Some(who) = self.account(v) {
			if !out.contains(&who) {
				out.push(who);
			}
			return;
		}
		match &v.value {
			ValueDef::Composite(c) => c.values().for_each(|x| self.accounts_in(x, out)),
			ValueDef::Variant(x) => x.values.values().for_each(|x| self.accounts_in(x, out)),
			_ => {}
		}
	}

	/// The value as JSON for people and the API: accounts in SS58, byte strings
	/// in hex, wide integers as decimal strings, unit variants by name.
	pub fn json(&self, v: &Val) -> serde_json::Value {
		if let Some(who) = self.account(v) {
			return json!(ss58(&who));
		}
		if self.bytes.contains(&v.context) {
			if let Some(b) = bytes_of(v) {
				return json!(format!("0x{}", crate::chain::hex(&b)));
			}
		}
		match &v.value {
			ValueDef::Composite(c) => self.fields_json(c),
			ValueDef::Variant(x) if x.values.is_empty() => json!(x.name),
			ValueDef::Variant(x) => json!({ x.name.clone(): self.fields_json(&x.values) }),
			ValueDef::BitSequence(bits) => {
				json!(bits.iter().map(|b| if b { '1' } else { '0' }).collect::<String>())
			}
			ValueDef::Primitive(p) => match p {
				Primitive::Bool(b) => json!(b),
				Primitive::Char(c) => json!(c.to_string()),
				Primitive::String(s) => json!(s),
				Primitive::U128(n) if self.wide.contains(&v.context) || *n > u32::MAX as u128 => {
					json!(n.to_string())
				}
				Primitive::U128(n) => json!(*n as u64),
				Primitive::I128(n)
					if self.wide.contains(&v.context) || n.unsigned_abs() > u32::MAX as u128 =>
				{
					json!(n.to_string())
				}
				Primitive::I128(n) => json!(*n as i64),
				Primitive::U256(b) | Primitive::I256(b) => {
					json!(format!("0x{}", crate::chain::hex(b)))
				}
			},
		}
	}

	/// Named fields as an object, unnamed ones as an array (one alone as itself:
	/// a newtype such as `Perbill(u32)` is its number).
	pub fn fields_json(&self, c: &Fields) -> serde_json::Value {
		match c {
			Composite::Named(named) => serde_json::Value::Object(
				named.iter().map(|(k, v)| (k.clone(), self.json(v))).collect(),
			),
			Composite::Unnamed(vals) if vals.len() == 1 => self.json(&vals[0]),
			Composite::Unnamed(vals) => {
				json!(vals.iter().map(|v| self.json(v)).collect::<Vec<_>>())
			}
		}
	}

	/// A call in words: `Pallet.call {"field": value, …}`.
	pub fn call_text(&self, call: &Val) -> String {
		match call_parts(call) {
			Some((pallet, name, fields)) if fields.is_empty() => format!("{pallet}.{name}"),
			Some((pallet, name, fields)) => {
				format!("{pallet}.{name} {}", self.fields_json(fields))
			}
			None => self.json(call).to_string(),
		}
	}
}

/// An account in SS58 (Peer's prefix, 42). Accounts recur in every block and
/// the checksum is a hash: each is encoded once and remembered (up to 100,000).
pub fn ss58(who: &AccountId32) -> String {
	thread_local! {
		static KNOWN: std::cell::RefCell<std::collections::HashMap<AccountId32, String>> =
			Default::default();
	}
	KNOWN.with_borrow_mut(|known| {
		if let Some(s) = known.get(who) {
			return s.clone();
		}
		if known.len() >= 100_000 {
			known.clear();
		}
		let s = who.to_ss58check();
		known.insert(who.clone(), s.clone());
		s
	})
}

/// `Pallet(Inner { fields })` (an outer event or call) → (pallet, inner, fields).
pub fn call_parts(v: &Val) -> Option<(&str, &str, &Fields)> {
	let ValueDef::Variant(outer) = &v.value else { return None };
	let inner = outer.values.values().next()?;
	let ValueDef::Variant(inner) = &inner.value else { return None };
	Some((&outer.name, &inner.name, &inner.values))
}

/// A named field of a composite (a record or a variant's fields).
pub fn field<'a>(c: &'a Fields, name: &str) -> Option<&'a Val> {
	match c {
		Composite::Named(named) => named.iter().find(|(k, _)| k == name).map(|(_, v)| v),
		Composite::Unnamed(_) => None,
	}
}

/// A value as an unsigned integer, through newtypes (`Perbill(u32)`).
pub fn uint(v: &Val) -> Option<u128> {
	match &v.value {
		ValueDef::Primitive(Primitive::U128(n)) => Some(*n),
		ValueDef::Composite(c) if c.len() == 1 => c.values().next().and_then(uint),
		_ => None,
	}
}

/// A variant's name and its fields.
pub fn variant(v: &Val) -> Option<(&str, &Fields)> {
	match &v.value {
		ValueDef::Variant(x) => Some((&x.name, &x.values)),
		ValueDef::Composite(c) if c.len() == 1 => c.values().next().and_then(variant),
		_ => None,
	}
}

/// The bytes of a value made of `u8`s (an array, a sequence, a newtype of one).
pub fn bytes_of(v: &Val) -> Option<Vec<u8>> {
	fn collect(v: &Val, out: &mut Vec<u8>) -> Option<()> {
		match &v.value {
			ValueDef::Primitive(Primitive::U128(n)) => out.push(u8::try_from(*n).ok()?),
			ValueDef::Composite(c) => {
				for x in c.values() {
					collect(x, out)?;
				}
			}
			_ => return None,
		}
		Some(())
	}
	let mut out = Vec::new();
	collect(v, &mut out)?;
	Some(out)
}
