#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` a consortium member.
	fn make_member(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{collections::btree_set::BTreeSet, vec::Vec};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Restriction},
			Contains,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_core::OpaquePeerId;
	use sp_runtime::traits::{CheckedAdd, Saturating, StaticLookup, Zero};

	/// The balance type of the deposits.
	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A peer id as stored: its bytes, bounded.
	pub type PeerIdOf<T> = BoundedVec<u8, <T as Config>::MaxPeerIdLength>;
	/// The well-known nodes, sorted.
	pub type WellKnownOf<T> = BoundedBTreeSet<PeerIdOf<T>, <T as Config>::MaxWellKnownNodes>;
	/// A node's additional connections, sorted.
	pub type ConnectionsOf<T> = BoundedBTreeSet<PeerIdOf<T>, <T as Config>::MaxConnections>;

	/// The in-code storage version: raise it with a migration when a stored
	/// type changes (see `runtime/src/migrations.rs`).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a claimed node and its connections.
		NodeDeposit,
	}

	/// Who owns a node, and what is held from the owner for it.
	#[derive(
		Encode,
		Decode,
		MaxEncodedLen,
		TypeInfo,
		frame_support::CloneNoBound,
		frame_support::PartialEqNoBound,
		frame_support::EqNoBound,
		frame_support::DebugNoBound,
	)]
	#[scale_info(skip_type_params(T))]
	#[codec(mel_bound())]
	pub struct NodeOwner<T: Config> {
		/// The owner.
		pub who: T::AccountId,
		/// Held from the owner under [`HoldReason::NodeDeposit`]: the claim's
		/// deposit (none for a well-known node) and one per connection.
		pub deposit: BalanceOf<T>,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		// --- Origins ---

		/// Adds a well-known node.
		type AddOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Removes a well-known node.
		type RemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Swaps a well-known node for another.
		type SwapOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Replaces the whole list of well-known nodes.
		type ResetOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Who may claim a node: the consortium's members.
		type Members: Contains<Self::AccountId>;

		// --- Currency ---

		/// Holds the deposits.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Held for each claimed node.
		#[pallet::constant]
		type NodeDeposit: Get<BalanceOf<Self>>;
		/// Held for each additional connection.
		#[pallet::constant]
		type ConnectionDeposit: Get<BalanceOf<Self>>;

		// --- Bounds ---

		/// Most well-known nodes.
		#[pallet::constant]
		type MaxWellKnownNodes: Get<u32>;
		/// Longest peer id, in bytes.
		#[pallet::constant]
		type MaxPeerIdLength: Get<u32>;
		/// Most additional connections of one node.
		#[pallet::constant]
		type MaxConnections: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;
		/// Sets the scene for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The well-known nodes.
	#[pallet::storage]
	pub type WellKnownNodes<T: Config> = StorageValue<_, WellKnownOf<T>, ValueQuery>;

	/// The owner of each well-known or claimed node.
	#[pallet::storage]
	pub type Owners<T: Config> = StorageMap<_, Blake2_128Concat, PeerIdOf<T>, NodeOwner<T>>;

	/// The additional connections of each node.
	#[pallet::storage]
	pub type AdditionalConnections<T: Config> =
		StorageMap<_, Blake2_128Concat, PeerIdOf<T>, ConnectionsOf<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The well-known nodes and their owners.
		pub nodes: Vec<(OpaquePeerId, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut set = WellKnownOf::<T>::new();
			for (node, who) in &self.nodes {
				let node = Pallet::<T>::bound(node.clone()).expect("genesis peer id too long");
				set.try_insert(node.clone()).expect("more genesis nodes than MaxWellKnownNodes");
				Owners::<T>::insert(&node, NodeOwner { who: who.clone(), deposit: Zero::zero() });
			}
			WellKnownNodes::<T>::put(set);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The node was added to the well-known nodes.
		NodeAdded {
			/// The node.
			peer_id: PeerIdOf<T>,
			/// Its owner.
			who: T::AccountId,
		},
		/// The node was removed from the well-known nodes; its owner and
		/// connections are gone, their deposits released.
		NodeRemoved {
			/// The node.
			peer_id: PeerIdOf<T>,
		},
		/// A well-known node was swapped for another, keeping its owner.
		NodeSwapped {
			/// The node removed.
			removed: PeerIdOf<T>,
			/// The node added.
			added: PeerIdOf<T>,
		},
		/// The well-known nodes were replaced.
		NodesReset {
			/// How many well-known nodes there are now.
			count: u32,
		},
		/// A member claimed a node; its deposit is held.
		NodeClaimed {
			/// The node.
			peer_id: PeerIdOf<T>,
			/// The claimant.
			who: T::AccountId,
			/// The deposit held.
			deposit: BalanceOf<T>,
		},
		/// A claim was removed; its deposits were released.
		ClaimRemoved {
			/// The node.
			peer_id: PeerIdOf<T>,
			/// The former owner.
			who: T::AccountId,
		},
		/// A node changed owner; the deposits held for it moved too.
		NodeTransferred {
			/// The node.
			peer_id: PeerIdOf<T>,
			/// The new owner.
			target: T::AccountId,
		},
		/// Connections were added to a node.
		ConnectionsAdded {
			/// The node.
			peer_id: PeerIdOf<T>,
			/// The nodes now allowed to connect to it.
			allowed_connections: Vec<PeerIdOf<T>>,
		},
		/// Connections were removed from a node.
		ConnectionsRemoved {
			/// The node.
			peer_id: PeerIdOf<T>,
			/// The nodes no longer allowed to connect to it.
			allowed_connections: Vec<PeerIdOf<T>>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The peer id is longer than `MaxPeerIdLength`.
		PeerIdTooLong,
		/// There are already `MaxWellKnownNodes` well-known nodes.
		TooManyNodes,
		/// The node is already well-known.
		AlreadyJoined,
		/// The node is not well-known.
		NotExist,
		/// The node already has an owner.
		AlreadyClaimed,
		/// The node has no owner.
		NotClaimed,
		/// Only the node's owner may do this.
		NotOwner,
		/// A well-known node's claim is the council's to remove.
		PermissionDenied,
		/// Only consortium members may claim a node.
		NotAMember,
		/// The node would have more than `MaxConnections` connections.
		TooManyConnections,
		/// Not enough free balance for the deposit.
		InsufficientBalance,
		/// The new owner's account cannot receive the deposits held for the node.
		CannotReceiveDeposit,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// Releasing a deposit must never fail for being below the existential deposit.
			let ed = T::Currency::minimum_balance();
			for d in [T::NodeDeposit::get(), T::ConnectionDeposit::get()] {
				assert!(d.is_zero() || d >= ed, "a deposit below the existential deposit");
			}
		}

		/// Tells this node's networking which peers are authorized for it.
		fn offchain_worker(now: BlockNumberFor<T>) {
			let Ok(state) = sp_io::offchain::network_state() else {
				log::error!(target: "runtime::authorized-nodes", "no network state at {now:?}");
				return;
			};
			// The node's own peer id comes SCALE-encoded.
			let Ok(bytes) = Vec::<u8>::decode(&mut &state.peer_id.0[..]) else {
				log::error!(target: "runtime::authorized-nodes", "undecodable peer id at {now:?}");
				return;
			};
			let nodes = Self::authorized_nodes(&OpaquePeerId(bytes));
			sp_io::offchain::set_authorized_nodes(nodes, true);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `node` to the well-known nodes, owned by `owner`.
		///
		/// - origin: [`Config::AddOrigin`] (the council).
		/// - `node`: the peer id's bytes. A claim on it by anyone else is
		///   removed and its deposits released.
		/// - `owner`: who manages the node's connections.
		///
		/// Emits `NodeAdded`. Fails with `AlreadyJoined`, `TooManyNodes` or
		/// `PeerIdTooLong`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_well_known_node())]
		pub fn add_well_known_node(
			origin: OriginFor<T>,
			node: OpaquePeerId,
			owner: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::AddOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(owner)?;
			let node = Self::bound(node)?;
			let mut nodes = WellKnownNodes::<T>::get();
			ensure!(!nodes.contains(&node), Error::<T>::AlreadyJoined);
			nodes.try_insert(node.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
			Self::forget(&node)?;
			Owners::<T>::insert(&node, NodeOwner { who: who.clone(), deposit: Zero::zero() });
			WellKnownNodes::<T>::put(nodes);
			Self::deposit_event(Event::NodeAdded { peer_id: node, who });
			Ok(())
		}

		/// Removes `node` from the well-known nodes, with its owner and
		/// connections (their deposits are released).
		///
		/// - origin: [`Config::RemoveOrigin`] (the council).
		///
		/// Emits `NodeRemoved`. Fails with `NotExist` or `PeerIdTooLong`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_well_known_node())]
		pub fn remove_well_known_node(origin: OriginFor<T>, node: OpaquePeerId) -> DispatchResult {
			T::RemoveOrigin::ensure_origin(origin)?;
			let node = Self::bound(node)?;
			let mut nodes = WellKnownNodes::<T>::get();
			ensure!(nodes.remove(&node), Error::<T>::NotExist);
			Self::forget(&node)?;
			WellKnownNodes::<T>::put(nodes);
			Self::deposit_event(Event::NodeRemoved { peer_id: node });
			Ok(())
		}

		/// Swaps the well-known node `remove` for `add`; the owner and the
		/// connections move to the new node.
		///
		/// - origin: [`Config::SwapOrigin`] (the council).
		///
		/// Emits `NodeSwapped`. Fails with `NotExist`, `AlreadyJoined` or
		/// `PeerIdTooLong`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::swap_well_known_node())]
		pub fn swap_well_known_node(
			origin: OriginFor<T>,
			remove: OpaquePeerId,
			add: OpaquePeerId,
		) -> DispatchResult {
			T::SwapOrigin::ensure_origin(origin)?;
			let remove = Self::bound(remove)?;
			let add = Self::bound(add)?;
			if remove == add {
				return Ok(());
			}
			let mut nodes = WellKnownNodes::<T>::get();
			ensure!(nodes.remove(&remove), Error::<T>::NotExist);
			ensure!(!nodes.contains(&add), Error::<T>::AlreadyJoined);
			nodes.try_insert(add.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
			Self::forget(&add)?;
			if let Some(owner) = Owners::<T>::take(&remove) {
				Owners::<T>::insert(&add, owner);
			}
			let connections = AdditionalConnections::<T>::take(&remove);
			if !connections.is_empty() {
				AdditionalConnections::<T>::insert(&add, connections);
			}
			WellKnownNodes::<T>::put(nodes);
			Self::deposit_event(Event::NodeSwapped { removed: remove, added: add });
			Ok(())
		}

		/// Replaces the well-known nodes with `nodes` and their owners. Nodes
		/// that are no longer well-known lose their owner and connections
		/// (deposits released).
		///
		/// - origin: [`Config::ResetOrigin`] (a council supermajority).
		/// - `nodes`: at most `MaxWellKnownNodes` (peer id, owner) pairs.
		///
		/// Emits `NodesReset`. Fails with `TooManyNodes` or `PeerIdTooLong`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reset_well_known_nodes(T::MaxWellKnownNodes::get()))]
		pub fn reset_well_known_nodes(
			origin: OriginFor<T>,
			nodes: Vec<(OpaquePeerId, T::AccountId)>,
		) -> DispatchResultWithPostInfo {
			T::ResetOrigin::ensure_origin(origin)?;
			ensure!(nodes.len() <= T::MaxWellKnownNodes::get() as usize, Error::<T>::TooManyNodes);
			let mut new = WellKnownOf::<T>::new();
			let mut owners = Vec::with_capacity(nodes.len());
			for (node, who) in nodes {
				let node = Self::bound(node)?;
				new.try_insert(node.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
				owners.push((node, who));
			}
			let old = WellKnownNodes::<T>::get();
			let touched = old.len().saturating_add(owners.len()) as u32;
			for node in old.iter().filter(|n| !new.contains(*n)) {
				Self::forget(node)?;
			}
			for (node, who) in owners {
				if Owners::<T>::get(&node).is_some_and(|o| o.who == who) {
					continue;
				}
				Self::forget(&node)?;
				Owners::<T>::insert(&node, NodeOwner { who, deposit: Zero::zero() });
			}
			let count = new.len() as u32;
			WellKnownNodes::<T>::put(new);
			Self::deposit_event(Event::NodesReset { count });
			Ok(Some(T::WeightInfo::reset_well_known_nodes(
				touched.min(T::MaxWellKnownNodes::get()),
			))
			.into())
		}

		/// Claims `node`, which is not well-known and has no owner, holding
		/// [`Config::NodeDeposit`]. A claim alone lets no one connect.
		///
		/// - origin: a consortium member.
		///
		/// Emits `NodeClaimed`. Fails with `NotAMember`, `AlreadyClaimed`,
		/// `InsufficientBalance` or `PeerIdTooLong`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim_node())]
		pub fn claim_node(origin: OriginFor<T>, node: OpaquePeerId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(T::Members::contains(&who), Error::<T>::NotAMember);
			let node = Self::bound(node)?;
			ensure!(!Owners::<T>::contains_key(&node), Error::<T>::AlreadyClaimed);
			let deposit = T::NodeDeposit::get();
			Self::hold(&who, deposit)?;
			Owners::<T>::insert(&node, NodeOwner { who: who.clone(), deposit });
			Self::deposit_event(Event::NodeClaimed { peer_id: node, who, deposit });
			Ok(())
		}

		/// Removes the caller's claim on `node` and its connections; the
		/// deposits are released. A well-known node's claim is the council's.
		///
		/// - origin: the node's owner.
		///
		/// Emits `ClaimRemoved`. Fails with `NotClaimed`, `NotOwner`,
		/// `PermissionDenied` or `PeerIdTooLong`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_claim())]
		pub fn remove_claim(origin: OriginFor<T>, node: OpaquePeerId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let node = Self::bound(node)?;
			Self::owned(&node, &who)?;
			ensure!(!WellKnownNodes::<T>::get().contains(&node), Error::<T>::PermissionDenied);
			Self::forget(&node)?;
			Self::deposit_event(Event::ClaimRemoved { peer_id: node, who });
			Ok(())
		}

		/// Hands `node` to `owner`; the deposits held for it move to the new
		/// owner's hold.
		///
		/// - origin: the node's owner.
		///
		/// Emits `NodeTransferred`. Fails with `NotClaimed`, `NotOwner`,
		/// `CannotReceiveDeposit` or `PeerIdTooLong`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer_node())]
		pub fn transfer_node(
			origin: OriginFor<T>,
			node: OpaquePeerId,
			owner: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let target = T::Lookup::lookup(owner)?;
			let node = Self::bound(node)?;
			let mut record = Self::owned(&node, &who)?;
			if !record.deposit.is_zero() {
				T::Currency::transfer_on_hold(
					&HoldReason::NodeDeposit.into(),
					&who,
					&target,
					record.deposit,
					Precision::Exact,
					Restriction::OnHold,
					Fortitude::Polite,
				)
				.map_err(|_| Error::<T>::CannotReceiveDeposit)?;
			}
			record.who = target.clone();
			Owners::<T>::insert(&node, record);
			Self::deposit_event(Event::NodeTransferred { peer_id: node, target });
			Ok(())
		}

		/// Lets `connections` connect to `node`, holding
		/// [`Config::ConnectionDeposit`] for each new one.
		///
		/// - origin: the node's owner.
		/// - `connections`: peer ids; the node itself and ones already there
		///   are skipped.
		///
		/// Emits `ConnectionsAdded`. Fails with `NotClaimed`, `NotOwner`,
		/// `TooManyConnections`, `InsufficientBalance` or `PeerIdTooLong`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_connections(connections.len() as u32))]
		pub fn add_connections(
			origin: OriginFor<T>,
			node: OpaquePeerId,
			connections: Vec<OpaquePeerId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (node, mut record, connections, mut set) =
				Self::connections_change(&who, node, connections)?;
			let mut added: u32 = 0;
			for peer in &connections {
				if *peer != node
					&& set.try_insert(peer.clone()).map_err(|_| Error::<T>::TooManyConnections)?
				{
					added.saturating_inc();
				}
			}
			let deposit = T::ConnectionDeposit::get().saturating_mul(added.into());
			Self::hold(&who, deposit)?;
			record.deposit =
				record.deposit.checked_add(&deposit).ok_or(Error::<T>::InsufficientBalance)?;
			Owners::<T>::insert(&node, record);
			AdditionalConnections::<T>::insert(&node, set);
			Self::deposit_event(Event::ConnectionsAdded {
				peer_id: node,
				allowed_connections: connections,
			});
			Ok(())
		}

		/// Stops `connections` from connecting to `node`; the deposit for
		/// each one removed is released.
		///
		/// - origin: the node's owner.
		///
		/// Emits `ConnectionsRemoved`. Fails with `NotClaimed`, `NotOwner`,
		/// `TooManyConnections` or `PeerIdTooLong`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_connections(connections.len() as u32))]
		pub fn remove_connections(
			origin: OriginFor<T>,
			node: OpaquePeerId,
			connections: Vec<OpaquePeerId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (node, mut record, connections, mut set) =
				Self::connections_change(&who, node, connections)?;
			let removed = connections.iter().filter(|peer| set.remove(*peer)).count() as u32;
			let refund =
				T::ConnectionDeposit::get().saturating_mul(removed.into()).min(record.deposit);
			Self::release(&who, refund)?;
			record.deposit = record.deposit.saturating_sub(refund);
			Owners::<T>::insert(&node, record);
			if set.is_empty() {
				AdditionalConnections::<T>::remove(&node);
			} else {
				AdditionalConnections::<T>::insert(&node, set);
			}
			Self::deposit_event(Event::ConnectionsRemoved {
				peer_id: node,
				allowed_connections: connections,
			});
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The peers authorized to connect to `node`: its connections and, if
		/// it is well-known, every other well-known node.
		pub fn authorized_nodes(node: &OpaquePeerId) -> Vec<OpaquePeerId> {
			let Ok(node) = PeerIdOf::<T>::try_from(node.0.clone()) else { return Vec::new() };
			let mut nodes: BTreeSet<PeerIdOf<T>> =
				AdditionalConnections::<T>::get(&node).into_iter().collect();
			let well_known = WellKnownNodes::<T>::get();
			if well_known.contains(&node) {
				nodes.extend(well_known.into_iter().filter(|n| *n != node));
			}
			nodes.into_iter().map(|n| OpaquePeerId(n.into_inner())).collect()
		}

		pub(crate) fn bound(node: OpaquePeerId) -> Result<PeerIdOf<T>, Error<T>> {
			node.0.try_into().map_err(|_| Error::<T>::PeerIdTooLong)
		}

		/// Checks a change of `node`'s connections by `who`: the list's length,
		/// the peer ids, the ownership. Returns the node, its record, the
		/// connections and the node's current set.
		#[allow(clippy::type_complexity)]
		fn connections_change(
			who: &T::AccountId,
			node: OpaquePeerId,
			connections: Vec<OpaquePeerId>,
		) -> Result<(PeerIdOf<T>, NodeOwner<T>, Vec<PeerIdOf<T>>, ConnectionsOf<T>), DispatchError>
		{
			ensure!(
				connections.len() <= T::MaxConnections::get() as usize,
				Error::<T>::TooManyConnections
			);
			let node = Self::bound(node)?;
			let record = Self::owned(&node, who)?;
			let connections =
				connections.into_iter().map(Self::bound).collect::<Result<Vec<_>, _>>()?;
			let set = AdditionalConnections::<T>::get(&node);
			Ok((node, record, connections, set))
		}

		/// The record of `node`, if `who` owns it.
		fn owned(node: &PeerIdOf<T>, who: &T::AccountId) -> Result<NodeOwner<T>, DispatchError> {
			let record = Owners::<T>::get(node).ok_or(Error::<T>::NotClaimed)?;
			ensure!(record.who == *who, Error::<T>::NotOwner);
			Ok(record)
		}

		fn hold(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			if !amount.is_zero() {
				T::Currency::hold(&HoldReason::NodeDeposit.into(), who, amount)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
			}
			Ok(())
		}

		fn release(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			if !amount.is_zero() {
				T::Currency::release(
					&HoldReason::NodeDeposit.into(),
					who,
					amount,
					Precision::BestEffort,
				)?;
			}
			Ok(())
		}

		/// Removes `node`'s owner and connections, releasing their deposits.
		fn forget(node: &PeerIdOf<T>) -> DispatchResult {
			if let Some(record) = Owners::<T>::take(node) {
				Self::release(&record.who, record.deposit)?;
			}
			AdditionalConnections::<T>::remove(node);
			Ok(())
		}

		/// Checks that every well-known node has an owner, that no connection
		/// list outlives its node's owner, and that each account's deposit
		/// hold is the sum of its nodes' deposits.
		#[cfg(any(feature = "std", feature = "try-runtime"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			for node in WellKnownNodes::<T>::get() {
				ensure!(Owners::<T>::contains_key(&node), "a well-known node without an owner");
			}
			for (node, set) in AdditionalConnections::<T>::iter() {
				ensure!(Owners::<T>::contains_key(&node), "connections of a node nobody owns");
				ensure!(!set.is_empty(), "an empty connection list is stored");
			}
			let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			for (_, record) in Owners::<T>::iter() {
				let h = held.entry(record.who).or_insert_with(Zero::zero);
				*h = h.saturating_add(record.deposit);
			}
			for (who, amount) in held {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::NodeDeposit.into(), &who) == amount,
					"node deposits held differ from the records"
				);
			}
			Ok(())
		}
	}
}

/// An account lookup source of the runtime.
type AccountIdLookupOf<T> =
	<<T as frame_system::Config>::Lookup as sp_runtime::traits::StaticLookup>::Source;
