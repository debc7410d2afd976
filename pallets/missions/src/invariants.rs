//! The pallet's invariants, checked by `try_state` (and after every unit test).

use crate::*;
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::traits::Get;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, InspectHold},
		fungibles,
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// - each owner's escrow hold in each asset is the sum of its live
	///   missions' unpaid budgets in that asset (with the refunds it has yet
	///   to claim there), and its deposit hold the sum of their deposits;
	/// - each account's bond hold is the sum of its commitments' bonds;
	/// - each mission's budget is its milestones' sum and covers what was
	///   paid and refunded; the roster's shares never exceed the whole and
	///   make it exactly once terms are out (while anyone is on it);
	/// - roster, pending count and commitments agree; no commitment,
	///   deliverable or index entry points at a mission that is gone.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut escrow: BTreeMap<(T::AccountId, T::AssetKind), BalanceOf<T>> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut bonds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let next = NextMissionId::<T>::get();

		for (id, m) in LiveMissions::<T>::iter() {
			ensure!(id < next, "mission id at or beyond NextMissionId");
			let sum =
				m.milestones.iter().fold(BalanceOf::<T>::zero(), |a, x| a.saturating_add(x.amount));
			ensure!(sum == m.budget, "budget is not the sum of the milestones");
			ensure!(
				m.paid.saturating_add(m.refunded) <= m.budget,
				"paid and refunded exceed the budget"
			);
			ensure!(m.owed <= m.refunded, "owed more than was refunded");
			ensure!(m.deposit >= T::Currency::minimum_balance(), "deposit below the minimum");
			let settled = m.milestones.iter().fold(BalanceOf::<T>::zero(), |a, x| {
				a.saturating_add(match x.status {
					MilestoneStatus::Paid => x.amount,
					MilestoneStatus::Split { paid, refunded } => paid.saturating_add(refunded),
					_ => Zero::zero(),
				})
			});
			ensure!(
				settled == m.paid.saturating_add(m.refunded),
				"settled milestones do not match paid and refunded"
			);
			let e = escrow.entry((m.owner.clone(), m.asset.clone())).or_insert_with(Zero::zero);
			*e = e.saturating_add(m.escrow_held());
			if let Some(a) = Amendments::<T>::get(id) {
				ensure!(Self::is_active(&m), "an amendment of a mission not at work");
				let adds = a
					.top_ups
					.iter()
					.map(|(_, x)| *x)
					.chain(a.added.iter().map(|(_, x)| *x))
					.fold(BalanceOf::<T>::zero(), |s, x| s.saturating_add(x));
				ensure!(adds == a.escrow, "an amendment holds other than what it adds");
				ensure!(
					a.agreed.iter().all(|w| m.roster_position(w).is_some()),
					"an agreement from off the roster"
				);
				*e = e.saturating_add(a.escrow);
			}
			let d = deposits.entry(m.owner.clone()).or_insert_with(Zero::zero);
			*d = d.saturating_add(m.deposit);

			let taken: u64 = m.roster.iter().map(|(_, s)| s.deconstruct() as u64).sum();
			ensure!(taken <= Perbill::one().deconstruct() as u64, "roster shares exceed the whole");
			if !matches!(m.status, MissionStatus::Recruiting) && !m.roster.is_empty() {
				ensure!(
					m.accepted_shares() == Perbill::one(),
					"agreed roster shares are not whole"
				);
			}
			let mut accepted = 0u32;
			let mut pending = 0u32;
			for (who, c) in Commitments::<T>::iter_prefix(id) {
				match c.status {
					CommitmentStatus::Accepted => {
						accepted += 1;
						ensure!(
							m.roster_position(&who).is_some(),
							"accepted commitment off the roster"
						);
					}
					CommitmentStatus::Pending => pending += 1,
				}
				ensure!(
					CommittedMissions::<T>::get(&who).contains(&id),
					"commitment missing from the account's index"
				);
			}
			ensure!(accepted as usize == m.roster.len(), "roster and accepted commitments differ");
			ensure!(pending == m.pending, "pending count is wrong");
			ensure!(
				OwnedMissions::<T>::get(&m.owner).contains(&id),
				"mission missing from owner index"
			);
		}
		for id in Amendments::<T>::iter_keys() {
			ensure!(LiveMissions::<T>::contains_key(id), "an amendment of a mission that is gone");
		}
		for (_, (asset, from), kept) in Claimable::<T>::iter() {
			ensure!(!kept.is_zero(), "a zero claimable payment is stored");
			let e = escrow.entry((from, asset)).or_insert_with(Zero::zero);
			*e = e.saturating_add(kept);
		}
		for (id, who, c) in Commitments::<T>::iter() {
			ensure!(LiveMissions::<T>::contains_key(id), "commitment of a mission that is gone");
			ensure!(c.fee <= c.bond, "a turn-down fee above its bond");
			let b = bonds.entry(who).or_insert_with(Zero::zero);
			*b = b.saturating_add(c.bond);
		}
		for (id, index, _) in Deliverables::<T>::iter() {
			let m = LiveMissions::<T>::get(id).ok_or("deliverable of a mission that is gone")?;
			ensure!(
				(index as usize) < m.milestones.len(),
				"deliverable of a milestone that is not"
			);
		}
		for (who, list) in OwnedMissions::<T>::iter() {
			for id in list {
				ensure!(
					LiveMissions::<T>::get(id).is_some_and(|m| m.owner == who),
					"owner index points at a mission it does not own"
				);
			}
		}
		for (who, list) in CommittedMissions::<T>::iter() {
			for id in list {
				ensure!(
					Commitments::<T>::contains_key(id, &who),
					"commitment index without commitment"
				);
			}
		}
		// The holds: compare for every account that has any.
		let escrow_reason: T::RuntimeHoldReason = HoldReason::MissionEscrow.into();
		let deposit_reason: T::RuntimeHoldReason = HoldReason::MissionDeposit.into();
		let bond_reason: T::RuntimeHoldReason = HoldReason::CommitmentBond.into();
		let native = T::NativeAsset::get();
		let mut accounts: Vec<T::AccountId> = escrow.keys().map(|(who, _)| who.clone()).collect();
		accounts.extend(bonds.keys().cloned());
		accounts.extend(OwnedMissions::<T>::iter_keys());
		accounts.extend(CommittedMissions::<T>::iter_keys());
		// Escrow in each asset: every (account, asset) with a mission or a
		// refund to claim, and every account's native escrow.
		let mut pairs: Vec<(T::AccountId, T::AssetKind)> = escrow.keys().cloned().collect();
		pairs.extend(accounts.iter().map(|who| (who.clone(), native.clone())));
		for (who, asset) in pairs {
			let zero = BalanceOf::<T>::zero();
			let held = <T::Assets as fungibles::InspectHold<_>>::balance_on_hold(
				asset.clone(),
				&escrow_reason,
				&who,
			);
			ensure!(
				held == *escrow.get(&(who, asset)).unwrap_or(&zero),
				"escrow hold differs from the live missions' unpaid budgets in its asset"
			);
		}
		for who in accounts {
			let zero = BalanceOf::<T>::zero();
			ensure!(
				T::Currency::balance_on_hold(&deposit_reason, &who)
					== *deposits.get(&who).unwrap_or(&zero),
				"deposit hold differs from the live missions' deposits"
			);
			ensure!(
				T::Currency::balance_on_hold(&bond_reason, &who)
					== *bonds.get(&who).unwrap_or(&zero),
				"bond hold differs from the open commitments' bonds"
			);
		}
		Ok(())
	}
}
