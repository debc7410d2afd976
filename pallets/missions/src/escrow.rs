//! Escrow and bonds: what is held from the owner and the contributors, and
//! every way it leaves a hold — paid out, refunded, released or forfeited.
//! Funds move only through `fungible` holds, so the total issuance is kept.

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{BalancedHold, Inspect, MutateHold},
		fungibles,
		tokens::{DepositConsequence, Fortitude, Precision, Provenance, Restriction},
		OnUnbalanced,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	Perbill,
};

impl<T: Config> Pallet<T> {
	/// The bond a commitment to `mission` holds: the mission's minimum, the
	/// chain's, and never below the existential deposit, so that releasing
	/// it can never fail.
	pub(crate) fn bond_of(mission: &Mission<T>) -> BalanceOf<T> {
		mission.options.min_bond.max(T::MinimumBond::get()).max(T::Currency::minimum_balance())
	}

	/// Takes the fee for turning down a pending commitment from its held
	/// `bond` (to [`Config::RejectionFee`]): the `fee` fixed when it committed, or the whole
	/// bond if what would be left could not be released to the account (dust below the
	/// existential deposit). Returns the fee.
	pub(crate) fn burn_rejection_fee(
		who: &T::AccountId,
		bond: BalanceOf<T>,
		fee: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut fee = fee.min(bond);
		let rest = bond.saturating_sub(fee);
		if !rest.is_zero()
			&& T::Currency::can_deposit(who, rest, Provenance::Extant)
				!= DepositConsequence::Success
		{
			fee = bond;
		}
		if !fee.is_zero() {
			let (credit, missing) =
				T::Currency::slash(&HoldReason::CommitmentBond.into(), who, fee);
			ensure!(missing.is_zero(), Error::<T>::InsufficientBalance);
			T::RejectionFee::on_unbalanced(credit);
		}
		Ok(fee)
	}

	pub(crate) fn release_bond(
		id: MissionId,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(
				&HoldReason::CommitmentBond.into(),
				who,
				amount,
				Precision::Exact,
			)?;
		}
		Self::deposit_event(Event::BondReleased { mission: id, who: who.clone(), amount });
		Ok(())
	}

	pub(crate) fn forfeit_bond(
		id: MissionId,
		who: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::CommitmentBond.into(),
				who,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
		}
		T::OnSettled::on_settled(id, to, who, Settlement::BondForfeited { amount });
		Self::deposit_event(Event::BondForfeited {
			mission: id,
			who: who.clone(),
			to: to.clone(),
			amount,
		});
		Ok(())
	}

	/// Pays `part` of milestone `index` to the roster by share and refunds the
	/// rest to the owner; marks the milestone settled. Returns what each
	/// contributor received.
	///
	/// Everything moves in the mission's asset. No recipient and no asset can
	/// block the payout: a contributor's part its account cannot receive (too
	/// small for a new account, an insufficient asset and nothing to hang an
	/// account on) goes to the owner with the rest ([`Event::RewardUnpayable`]);
	/// a part the asset cannot move now (the account blocked by the asset's
	/// freezer, the whole asset frozen) is kept for the contributor to claim
	/// ([`Event::PaymentKept`]); a refund the owner's account cannot receive
	/// yet is deferred ([`Event::RefundDeferred`]).
	pub(crate) fn pay_milestone(
		id: MissionId,
		mission: &mut Mission<T>,
		index: MilestoneIndex,
		part: Perbill,
		first_try: bool,
	) -> Result<PayoutsOf<T>, DispatchError> {
		let amount =
			mission.milestones.get(index as usize).ok_or(Error::<T>::MilestoneNotFound)?.amount;
		let mut to_pay = part.mul_floor(amount);
		let mut to_refund = amount.saturating_sub(to_pay);
		// Each contributor's part, rounded down; the remainder to the first.
		let mut parts: Vec<BalanceOf<T>> =
			mission.roster.iter().map(|(_, share)| share.mul_floor(to_pay)).collect();
		let handed: BalanceOf<T> = parts.iter().fold(Zero::zero(), |a, p| a.saturating_add(*p));
		if let Some(first) = parts.first_mut() {
			*first = first.saturating_add(to_pay.saturating_sub(handed));
		}
		let asset = mission.asset.clone();
		let native = asset == T::NativeAsset::get();
		let mut received = Vec::with_capacity(parts.len());
		for ((who, _), mut value) in mission.roster.iter().zip(parts) {
			// A blocked account is not one that cannot hold the part: it is kept
			// for it below, so that an owner siding with the asset's freezer
			// gains nothing by having a contributor blocked.
			if !value.is_zero()
				&& !matches!(
					<T::Assets as fungibles::Inspect<_>>::can_deposit(
						asset.clone(),
						who,
						value,
						Provenance::Extant,
					),
					DepositConsequence::Success | DepositConsequence::Blocked
				) {
				to_pay = to_pay.saturating_sub(value);
				to_refund = to_refund.saturating_add(value);
				Self::deposit_event(Event::RewardUnpayable {
					mission: id,
					milestone: index,
					who: who.clone(),
					asset: asset.clone(),
					amount: value,
				});
				value = Zero::zero();
			}
			let kept = !value.is_zero()
				&& frame_support::storage::with_storage_layer(|| {
					Self::pay_from_escrow(&asset, &mission.owner, who, value)
				})
				.is_err();
			if kept {
				// Paid, but kept: the asset cannot move it now (`PaymentKept`).
				Self::keep_for(id, who, &asset, &mission.owner, value)?;
			}
			T::OnSettled::on_settled(
				id,
				&mission.owner,
				who,
				Settlement::MilestonePaid { milestone: index, amount: value, first_try, native },
			);
			if !kept {
				Self::deposit_event(Event::RewardPaid {
					mission: id,
					milestone: index,
					who: who.clone(),
					asset: asset.clone(),
					amount: value,
				});
			}
			received.push((who.clone(), value));
		}
		mission.paid = mission.paid.checked_add(&to_pay).ok_or(Error::<T>::Overflow)?;
		if !to_refund.is_zero() {
			Self::refund(id, mission, to_refund)?;
		}
		let milestone =
			mission.milestones.get_mut(index as usize).ok_or(Error::<T>::MilestoneNotFound)?;
		milestone.status = if to_refund.is_zero() {
			MilestoneStatus::Paid
		} else {
			MilestoneStatus::Split { paid: to_pay, refunded: to_refund }
		};
		Self::deposit_event(Event::MilestoneApproved {
			mission: id,
			milestone: index,
			asset,
			amount: to_pay,
		});
		Ok(received)
	}

	/// Gives `amount` of the escrow back to the owner, or, if the owner's
	/// account cannot receive it now (it would stay below the existential
	/// deposit, or the asset's freezer blocked it), keeps it held as owed
	/// until the mission's records go.
	pub(crate) fn refund(
		id: MissionId,
		mission: &mut Mission<T>,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		mission.refunded = mission.refunded.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		let owner = mission.owner.clone();
		let asset = mission.asset.clone();
		// The release checks the owner can receive it; a refused one changes nothing.
		let released = frame_support::storage::with_storage_layer(|| {
			Self::pay_from_escrow(&asset, &owner, &owner, amount)
		})
		.is_ok();
		if !released {
			mission.owed = mission.owed.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Self::deposit_event(Event::RefundDeferred { mission: id, owner, asset, amount });
			return Ok(());
		}
		Self::deposit_event(Event::Refunded { mission: id, owner, asset, amount });
		Ok(())
	}

	/// Moves `amount` of `asset` from `payer`'s escrow hold to `to`'s free
	/// balance (a release when `to` is the payer).
	pub(crate) fn pay_from_escrow(
		asset: &T::AssetKind,
		payer: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let reason = HoldReason::MissionEscrow.into();
		if payer == to {
			<T::Assets as fungibles::MutateHold<_>>::release(
				asset.clone(),
				&reason,
				payer,
				amount,
				Precision::Exact,
			)?;
		} else {
			<T::Assets as fungibles::MutateHold<_>>::transfer_on_hold(
				asset.clone(),
				&reason,
				payer,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
		}
		Ok(())
	}

	/// Keeps `amount` held from `from` for `who` to claim: the payment is
	/// due, but the asset cannot deliver it now.
	pub(crate) fn keep_for(
		id: MissionId,
		who: &T::AccountId,
		asset: &T::AssetKind,
		from: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Claimable::<T>::try_mutate(who, (asset.clone(), from.clone()), |kept| {
			let total =
				kept.unwrap_or_else(Zero::zero).checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			*kept = Some(total);
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::PaymentKept {
			mission: id,
			who: who.clone(),
			asset: asset.clone(),
			from: from.clone(),
			amount,
		});
		Ok(())
	}

	/// Refunds everything still in escrow to the owner.
	pub(crate) fn refund_unpaid(id: MissionId, mission: &mut Mission<T>) -> DispatchResult {
		let left = mission.escrowed();
		if !left.is_zero() {
			Self::refund(id, mission, left)?;
		}
		Ok(())
	}

	/// Gives `amount` of `mission`'s escrow that no milestone holds (an owed
	/// refund, an amendment's) back to the owner, or keeps it for the owner
	/// to claim if the asset cannot deliver it now.
	pub(crate) fn release_or_keep(
		id: MissionId,
		mission: &Mission<T>,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let (asset, owner) = (mission.asset.clone(), mission.owner.clone());
		let released = frame_support::storage::with_storage_layer(|| {
			<T::Assets as fungibles::MutateHold<_>>::release(
				asset.clone(),
				&HoldReason::MissionEscrow.into(),
				&owner,
				amount,
				Precision::Exact,
			)
			.map(|_| ())
		})
		.is_ok();
		if released {
			Self::deposit_event(Event::Refunded { mission: id, owner, asset, amount });
			Ok(())
		} else {
			Self::keep_for(id, &owner, &asset, &owner, amount)
		}
	}
}
