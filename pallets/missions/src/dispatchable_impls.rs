//! The bodies of the calls, in the order of a mission's life: creating and
//! recruiting, agreeing, delivering and reviewing, ending; and `member_left`,
//! which the consortium calls when a member leaves.

use crate::{utility_impls::MissionSize, *};
use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, InspectHold, MutateHold},
		fungibles,
		tokens::{Fortitude, Precision, Restriction},
		Contains,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	Perbill,
};

impl<T: Config> Pallet<T> {
	// ----- Creating and recruiting -----

	pub(crate) fn do_create_mission(
		owner: T::AccountId,
		title: Vec<u8>,
		content_hash: H256,
		uri: Option<Vec<u8>>,
		asset: T::AssetKind,
		milestones: Vec<MilestoneSpec<BalanceOf<T>>>,
		deadline: BlockNumberFor<T>,
		options: MissionOptions<BalanceOf<T>>,
	) -> DispatchResult {
		ensure!(T::Members::contains(&owner), Error::<T>::NotAMember);
		let title: BoundedVec<u8, T::MaxTitleLen> =
			title.try_into().map_err(|_| Error::<T>::TitleTooLong)?;
		let uri = Self::bound_uri(uri)?;
		let minimum = Self::minimum_budget(&asset).ok_or(Error::<T>::AssetNotAccepted)?;
		ensure!(!milestones.is_empty(), Error::<T>::NoMilestones);
		ensure!(
			milestones.len() <= T::MaxMilestones::get() as usize,
			Error::<T>::TooManyMilestones
		);
		let mut budget = BalanceOf::<T>::zero();
		for m in &milestones {
			ensure!(!m.amount.is_zero(), Error::<T>::ZeroMilestoneAmount);
			budget = budget.checked_add(&m.amount).ok_or(Error::<T>::Overflow)?;
		}
		ensure!(budget >= minimum, Error::<T>::BudgetTooLow);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(deadline > now, Error::<T>::DeadlineInPast);
		ensure!(
			deadline >= now.saturating_add(T::MinWorkingTime::get()),
			Error::<T>::DeadlineTooSoon
		);
		ensure!(deadline <= now.saturating_add(T::MaxDuration::get()), Error::<T>::DeadlineTooFar);

		let id = NextMissionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut owned = OwnedMissions::<T>::get(&owner);
		owned.try_push(id).map_err(|_| Error::<T>::TooManyMissions)?;

		let deposit = T::MissionDeposit::get().max(T::Currency::minimum_balance());
		// The deposit is native; the budget is in the mission's asset, native too or not.
		let native_needed = if asset == T::NativeAsset::get() {
			budget.checked_add(&deposit).ok_or(Error::<T>::Overflow)?
		} else {
			ensure!(
				<T::Assets as fungibles::InspectHold<_>>::can_hold(
					asset.clone(),
					&HoldReason::MissionEscrow.into(),
					&owner,
					budget
				),
				Error::<T>::InsufficientBalance
			);
			deposit
		};
		ensure!(
			T::Currency::can_hold(&HoldReason::MissionDeposit.into(), &owner, native_needed),
			Error::<T>::InsufficientBalance
		);
		<T::Assets as fungibles::MutateHold<_>>::hold(
			asset.clone(),
			&HoldReason::MissionEscrow.into(),
			&owner,
			budget,
		)
		.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::Currency::hold(&HoldReason::MissionDeposit.into(), &owner, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		let milestones: BoundedVec<_, T::MaxMilestones> = milestones
			.into_iter()
			.map(|m| Milestone {
				description_hash: m.description_hash,
				amount: m.amount,
				status: MilestoneStatus::Open,
			})
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::TooManyMilestones)?;

		let mission = Mission::<T> {
			owner: owner.clone(),
			metadata: MissionMetadata { title, content_hash, uri },
			milestones,
			deadline,
			review_period: T::ReviewPeriod::get(),
			options,
			status: MissionStatus::Recruiting,
			roster: BoundedVec::new(),
			pending: 0,
			budget,
			paid: Zero::zero(),
			refunded: Zero::zero(),
			owed: Zero::zero(),
			deposit,
			created: now,
			asset: asset.clone(),
		};
		LiveMissions::<T>::insert(id, mission);
		OwnedMissions::<T>::insert(&owner, owned);
		NextMissionId::<T>::put(next);
		Self::deposit_event(Event::MissionCreated { mission: id, owner, asset, budget, deadline });
		Ok(())
	}

	pub(crate) fn do_commit(
		who: T::AccountId,
		id: MissionId,
		share: Perbill,
		role_hash: H256,
		max_bond: BalanceOf<T>,
	) -> DispatchResult {
		let mut mission = Self::mission(id)?;
		ensure!(Self::before_work(&mission), Error::<T>::MissionAlreadyActive);
		ensure!(mission.owner != who, Error::<T>::OwnerCannotCommit);
		ensure!(
			mission.options.open_to_non_members || T::Members::contains(&who),
			Error::<T>::NotAMember
		);
		ensure!(!Commitments::<T>::contains_key(id, &who), Error::<T>::AlreadyCommitted);
		ensure!(!share.is_zero(), Error::<T>::ZeroShare);
		Self::ensure_fits(&mission, share)?;
		ensure!(mission.pending < T::MaxContributors::get(), Error::<T>::TooManyCommitments);
		ensure!(
			T::Reputation::reputation_of(&who) >= mission.options.min_reputation,
			Error::<T>::ReputationTooLow
		);
		let mut committed = CommittedMissions::<T>::get(&who);
		committed.try_push(id).map_err(|_| Error::<T>::TooManyMissions)?;
		let bond = Self::bond_of(&mission);
		ensure!(bond <= max_bond, Error::<T>::BondAboveMaximum);
		let fee = T::MinimumBond::get().min(bond);
		T::Currency::hold(&HoldReason::CommitmentBond.into(), &who, bond)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		mission.pending.saturating_inc();
		LiveMissions::<T>::insert(id, mission);
		CommittedMissions::<T>::insert(&who, committed);
		Commitments::<T>::insert(
			id,
			&who,
			Commitment::<T> {
				share,
				role_hash,
				bond,
				fee,
				status: CommitmentStatus::Pending,
				signed: false,
				delivered: false,
			},
		);
		Self::deposit_event(Event::Committed { mission: id, who, share, bond });
		Ok(())
	}

	/// Returns the roster's size before the withdrawal (what its weight is charged for).
	pub(crate) fn do_withdraw_commitment(
		who: T::AccountId,
		id: MissionId,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::mission(id)?;
		let commitment = Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		// A pending commitment may leave at any time: once work has started
		// without it, nothing else would ever free its bond.
		ensure!(
			Self::before_work(&mission) || commitment.status == CommitmentStatus::Pending,
			Error::<T>::MissionAlreadyActive
		);
		let roster_len = mission.roster.len() as u32;
		Self::drop_commitment(id, &mut mission, &who, &commitment)?;
		Self::release_bond(id, &who, commitment.bond)?;
		LiveMissions::<T>::insert(id, mission);
		Self::deposit_event(Event::CommitmentWithdrawn { mission: id, who });
		Ok(roster_len)
	}

	pub(crate) fn do_accept_commitment(
		owner: T::AccountId,
		id: MissionId,
		who: T::AccountId,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(Self::before_work(&mission), Error::<T>::MissionAlreadyActive);
		let mut commitment =
			Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		ensure!(commitment.status == CommitmentStatus::Pending, Error::<T>::AlreadyAccepted);
		Self::ensure_fits(&mission, commitment.share)?;
		mission
			.roster
			.try_push((who.clone(), commitment.share))
			.map_err(|_| Error::<T>::TooManyContributors)?;
		mission.pending.saturating_dec();
		commitment.status = CommitmentStatus::Accepted;
		Commitments::<T>::insert(id, &who, &commitment);
		Self::void_terms(id, &mut mission);
		let roster_len = mission.roster.len() as u32;
		LiveMissions::<T>::insert(id, mission);
		Self::deposit_event(Event::CommitmentAccepted {
			mission: id,
			who,
			share: commitment.share,
		});
		Ok(roster_len)
	}

	pub(crate) fn do_reject_commitment(
		owner: T::AccountId,
		id: MissionId,
		who: T::AccountId,
	) -> Result<RejectedCommitment, DispatchError> {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(Self::before_work(&mission), Error::<T>::MissionAlreadyActive);
		let commitment = Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		let roster_len = mission.roster.len() as u32;
		Self::drop_commitment(id, &mut mission, &who, &commitment)?;
		let fee = if commitment.status == CommitmentStatus::Pending {
			Self::burn_rejection_fee(&who, commitment.bond, commitment.fee)?
		} else {
			Zero::zero()
		};
		Self::release_bond(id, &who, commitment.bond.saturating_sub(fee))?;
		LiveMissions::<T>::insert(id, mission);
		Self::deposit_event(Event::CommitmentRejected { mission: id, who, fee });
		Ok(match commitment.status {
			CommitmentStatus::Pending => RejectedCommitment::Pending,
			CommitmentStatus::Accepted => RejectedCommitment::Accepted { roster: roster_len },
		})
	}

	// ----- Agreeing -----

	pub(crate) fn do_propose_terms(owner: T::AccountId, id: MissionId) -> DispatchResult {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(mission.status == MissionStatus::Recruiting, Error::<T>::NotRecruiting);
		ensure!(!mission.roster.is_empty(), Error::<T>::NoContributors);
		ensure!(mission.accepted_shares() == Perbill::one(), Error::<T>::SharesIncomplete);
		ensure!(Self::time_to_work(&mission), Error::<T>::TooLateToStart);
		let terms_hash = Self::terms_hash(id, &mission);
		mission.status = MissionStatus::Agreeing { terms_hash };
		LiveMissions::<T>::insert(id, mission);
		Self::deposit_event(Event::TermsProposed { mission: id, terms_hash });
		Ok(())
	}

	pub(crate) fn do_sign_terms(
		who: T::AccountId,
		id: MissionId,
		terms_hash: H256,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::mission(id)?;
		let MissionStatus::Agreeing { terms_hash: current } = mission.status else {
			return Err(Error::<T>::NotAgreeing.into());
		};
		ensure!(mission.roster_position(&who).is_some(), Error::<T>::NotAContributor);
		ensure!(Self::time_to_work(&mission), Error::<T>::TooLateToStart);
		ensure!(terms_hash == current, Error::<T>::TermsMismatch);
		let mut commitment =
			Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		ensure!(!commitment.signed, Error::<T>::AlreadySigned);
		commitment.signed = true;
		Commitments::<T>::insert(id, &who, commitment);
		Self::deposit_event(Event::TermsSigned { mission: id, who });

		let roster_len = mission.roster.len() as u32;
		let all_signed = mission
			.roster
			.iter()
			.all(|(a, _)| Commitments::<T>::get(id, a).is_some_and(|c| c.signed));
		if all_signed {
			mission.status = MissionStatus::Active { terms_hash };
			LiveMissions::<T>::insert(id, mission);
			Self::deposit_event(Event::MissionActivated { mission: id, terms_hash });
		}
		Ok(roster_len)
	}

	// ----- Delivering and reviewing -----

	pub(crate) fn do_submit_deliverable(
		who: T::AccountId,
		id: MissionId,
		index: MilestoneIndex,
		content_hash: H256,
		uri: Option<Vec<u8>>,
	) -> DispatchResult {
		let mut mission = Self::mission(id)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		ensure!(mission.roster_position(&who).is_some(), Error::<T>::NotAContributor);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= mission.deadline, Error::<T>::DeadlinePassed);
		let uri = Self::bound_uri(uri)?;
		let milestone = Self::milestone_mut(&mut mission, index)?;
		match milestone.status {
			MilestoneStatus::Open | MilestoneStatus::Rejected { .. } => {}
			MilestoneStatus::Submitted => return Err(Error::<T>::MilestoneAwaitingReview.into()),
			MilestoneStatus::Disputed { .. } => return Err(Error::<T>::MilestoneDisputed.into()),
			MilestoneStatus::Paid | MilestoneStatus::Split { .. } => {
				return Err(Error::<T>::MilestoneAlreadyPaid.into())
			}
		}
		milestone.status = MilestoneStatus::Submitted;
		let version = Deliverables::<T>::get(id, index).map_or(1, |d| d.version.saturating_add(1));
		Deliverables::<T>::insert(
			id,
			index,
			Deliverable::<T> { submitter: who.clone(), content_hash, uri, version, submitted: now },
		);
		Commitments::<T>::mutate(id, &who, |c| {
			if let Some(c) = c {
				c.delivered = true;
			}
		});
		LiveMissions::<T>::insert(id, mission);
		Self::deposit_event(Event::DeliverableSubmitted {
			mission: id,
			milestone: index,
			who,
			content_hash,
			version,
		});
		Ok(())
	}

	/// Returns the weight used: an approval, or the approval of the last
	/// milestone, which completes the mission.
	pub(crate) fn do_approve_milestone(
		owner: T::AccountId,
		id: MissionId,
		index: MilestoneIndex,
	) -> Result<Weight, DispatchError> {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		let milestone = Self::milestone_mut(&mut mission, index)?;
		Self::ensure_submitted(&milestone.status)?;
		ensure!(!mission.roster.is_empty(), Error::<T>::NoContributors);
		let MissionSize { roster, milestones } = Self::size(&mission);
		let first_try = Deliverables::<T>::get(id, index).is_some_and(|d| d.version == 1);
		Self::pay_milestone(id, &mut mission, index, Perbill::one(), first_try)?;
		Ok(match Self::finish_or_store(id, mission)? {
			Some(pending) => T::WeightInfo::approve_last_milestone(roster, pending, milestones),
			None => T::WeightInfo::approve_milestone(roster, milestones),
		})
	}

	pub(crate) fn do_reject_milestone(
		owner: T::AccountId,
		id: MissionId,
		index: MilestoneIndex,
		reason_hash: H256,
	) -> Result<u32, DispatchError> {
		let mut mission = Self::owned_mission(id, &owner)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		let now = frame_system::Pallet::<T>::block_number();
		let review_ends = mission.review_ends();
		let milestone = Self::milestone_mut(&mut mission, index)?;
		Self::ensure_submitted(&milestone.status)?;
		// Silence is consent: once the review period is over, a deliverable
		// left unreviewed is as good as approved.
		ensure!(now <= review_ends, Error::<T>::ReviewPeriodOver);
		milestone.status = MilestoneStatus::Rejected { reason_hash, at: now, upheld: false };
		// The rejection counts against the account whose deliverable it was,
		// not against the teammates who could not submit beside it.
		if let Some(d) = Deliverables::<T>::get(id, index) {
			T::OnSettled::on_settled(
				id,
				&mission.owner,
				&d.submitter,
				Settlement::MilestoneRejected { milestone: index },
			);
		}
		let roster_len = mission.roster.len() as u32;
		LiveMissions::<T>::insert(id, mission);
		Self::deposit_event(Event::MilestoneRejected {
			mission: id,
			milestone: index,
			reason_hash,
		});
		Ok(roster_len)
	}

	pub(crate) fn do_dispute_milestone(
		who: T::AccountId,
		id: MissionId,
		index: MilestoneIndex,
	) -> DispatchResult {
		let mut mission = Self::mission(id)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		ensure!(mission.roster_position(&who).is_some(), Error::<T>::NotAContributor);
		let milestone = Self::milestone_mut(&mut mission, index)?;
		let MilestoneStatus::Rejected { reason_hash, at, upheld } = milestone.status else {
			return Err(Error::<T>::MilestoneNotRejected.into());
		};
		ensure!(!upheld, Error::<T>::RejectionUpheld);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= at.saturating_add(T::DisputePeriod::get()), Error::<T>::DisputePeriodOver);
		milestone.status = MilestoneStatus::Disputed { reason_hash, at };
		LiveMissions::<T>::insert(id, mission);
		Self::deposit_event(Event::MilestoneDisputed { mission: id, milestone: index, who });
		Ok(())
	}

	pub(crate) fn do_resolve_dispute(
		id: MissionId,
		index: MilestoneIndex,
		verdict: Verdict,
	) -> Result<Weight, DispatchError> {
		let mut mission = Self::mission(id)?;
		let MissionSize { roster, milestones } = Self::size(&mission);
		let milestone = Self::milestone_mut(&mut mission, index)?;
		let MilestoneStatus::Disputed { reason_hash, .. } = milestone.status else {
			return Err(Error::<T>::MilestoneNotDisputed.into());
		};
		let part = match verdict {
			Verdict::UpholdRejection => None,
			Verdict::Approve => Some(Perbill::one()),
			Verdict::Split(part) => Some(part),
		};
		match part {
			None => {
				let now = frame_system::Pallet::<T>::block_number();
				milestone.status = MilestoneStatus::Rejected { reason_hash, at: now, upheld: true };
				// As the rejection: it counts against whose deliverable it was.
				if let Some(d) = Deliverables::<T>::get(id, index) {
					T::OnSettled::on_settled(
						id,
						&mission.owner,
						&d.submitter,
						Settlement::DisputeLost { milestone: index },
					);
				}
			}
			Some(part) => {
				ensure!(!mission.roster.is_empty(), Error::<T>::NoContributors);
				// A verdict that pays an account nothing is a lost dispute for it.
				for (who, amount) in Self::pay_milestone(id, &mut mission, index, part, false)? {
					let outcome = if amount.is_zero() {
						Settlement::DisputeLost { milestone: index }
					} else {
						Settlement::DisputeWon { milestone: index, amount }
					};
					T::OnSettled::on_settled(id, &mission.owner, &who, outcome);
				}
			}
		}
		Self::deposit_event(Event::DisputeResolved { mission: id, milestone: index, verdict });
		let completion = Self::finish_or_store(id, mission)?.map_or(Weight::zero(), |pending| {
			T::WeightInfo::complete_mission(roster, pending, milestones)
		});
		Ok(T::WeightInfo::resolve_dispute(roster, milestones).saturating_add(completion))
	}

	// ----- Ending -----

	pub(crate) fn do_cancel_mission(owner: Option<T::AccountId>, id: MissionId) -> DispatchResult {
		let mut mission = match &owner {
			Some(owner) => {
				let mission = Self::owned_mission(id, owner)?;
				// Once everyone left an active mission, nobody can deliver:
				// the owner need not wait for the deadline.
				ensure!(
					Self::before_work(&mission) || mission.roster.is_empty(),
					Error::<T>::MissionAlreadyActive
				);
				mission
			}
			None => Self::mission(id)?,
		};
		if owner.is_none() {
			// Silence is consent: what the review period already approved is
			// the contributors', whoever ends the mission.
			Self::pay_what_silence_approved(id, &mut mission)?;
			if mission.all_settled() {
				// Nothing left to call off: the mission completed.
				Self::finish_or_store(id, mission)?;
				return Ok(());
			}
		}
		Self::refund_unpaid(id, &mut mission)?;
		for (who, commitment) in Commitments::<T>::drain_prefix(id) {
			Self::release_bond(id, &who, commitment.bond)?;
			Self::unindex_commitment(id, &who);
		}
		Self::remove_mission(id, &mission)?;
		Self::deposit_event(Event::MissionCancelled { mission: id, by_force: owner.is_none() });
		Ok(())
	}

	/// Returns the roster's size before the leaver left (what its weight is charged for).
	pub(crate) fn do_abandon(who: T::AccountId, id: MissionId) -> Result<u32, DispatchError> {
		let mut mission = Self::mission(id)?;
		ensure!(Self::is_active(&mission), Error::<T>::MissionNotActive);
		let position = mission.roster_position(&who).ok_or(Error::<T>::NotAContributor)?;
		let roster_len = mission.roster.len() as u32;
		let commitment = Commitments::<T>::get(id, &who).ok_or(Error::<T>::CommitmentNotFound)?;
		let bond = commitment.bond;
		// The bond moves from the leaver's hold to the owner. In a mission paid
		// in the native currency it joins the escrow and raises the last
		// unsettled milestone; in another asset it stays with the owner, free
		// (a bond is native and cannot join an escrow in another asset).
		let native = mission.asset == T::NativeAsset::get();
		let last = mission
			.milestones
			.iter_mut()
			.rev()
			.find(|m| !m.status.is_settled())
			.ok_or(Error::<T>::MissionNotActive)?;
		if native {
			last.amount = last.amount.checked_add(&bond).ok_or(Error::<T>::Overflow)?;
			mission.budget = mission.budget.checked_add(&bond).ok_or(Error::<T>::Overflow)?;
		}
		if !bond.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::CommitmentBond.into(),
				&who,
				&mission.owner,
				bond,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
			if native {
				T::Currency::hold(&HoldReason::MissionEscrow.into(), &mission.owner, bond)?;
			}
		}
		let (_, left_share) = mission.roster.remove(position);
		Self::spread_share(&mut mission, left_share);
		Commitments::<T>::remove(id, &who);
		Self::unindex_commitment(id, &who);
		T::OnSettled::on_settled(
			id,
			&mission.owner,
			&who,
			Settlement::BondForfeited { amount: bond },
		);
		// The roster changed: a pending amendment names it, and is agreed anew.
		Self::renew_amendment(id, &mission);
		LiveMissions::<T>::insert(id, mission);
		Self::deposit_event(Event::ContributorAbandoned { mission: id, who, forfeited: bond });
		Ok(roster_len)
	}

	pub(crate) fn do_close_expired(id: MissionId) -> DispatchResult {
		let mut mission = Self::mission(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let closes_at =
			if Self::is_active(&mission) { mission.review_ends() } else { mission.deadline };
		ensure!(now > closes_at, Error::<T>::NotExpired);
		ensure!(
			!mission
				.milestones
				.iter()
				.any(|m| matches!(m.status, MilestoneStatus::Disputed { .. })),
			Error::<T>::DisputeOpen
		);
		let dispute_period = T::DisputePeriod::get();
		ensure!(
			!mission.milestones.iter().any(|m| matches!(
				m.status,
				MilestoneStatus::Rejected { at, upheld: false, .. }
					if now <= at.saturating_add(dispute_period)
			)),
			Error::<T>::DisputePeriodRunning
		);
		// Silence is consent: deliverables the owner left unreviewed are paid.
		Self::pay_what_silence_approved(id, &mut mission)?;
		// Every milestone settled: the mission completed, late or not, and
		// every bond comes back. An owner gains nothing by not reviewing.
		if mission.all_settled() {
			Self::finish_or_store(id, mission)?;
			return Ok(());
		}
		// Delivery is judged by milestone: if every unsettled milestone got a
		// deliverable (the owner rejected it), the roster delivered, and no
		// one loses a bond because a teammate's submission blocked its own.
		// (Before work nothing was delivered: no storage to read.)
		let roster_delivered = Self::is_active(&mission)
			&& mission
				.milestones
				.iter()
				.enumerate()
				.filter(|(_, m)| !m.status.is_settled())
				.all(|(index, _)| Deliverables::<T>::contains_key(id, index as MilestoneIndex));
		Self::refund_unpaid(id, &mut mission)?;
		let owner = mission.owner.clone();
		for (who, commitment) in Commitments::<T>::drain_prefix(id) {
			Self::unindex_commitment(id, &who);
			let on_roster = commitment.status == CommitmentStatus::Accepted;
			let delivered = commitment.delivered || roster_delivered;
			if on_roster && !delivered && Self::is_active(&mission) {
				Self::forfeit_bond(id, &who, &owner, commitment.bond)?;
			} else {
				Self::release_bond(id, &who, commitment.bond)?;
			}
			if on_roster {
				T::OnSettled::on_settled(
					id,
					&owner,
					&who,
					Settlement::MissionExpired { delivered },
				);
			}
		}
		Self::remove_mission(id, &mission)?;
		Self::deposit_event(Event::MissionExpired { mission: id });
		Ok(())
	}

	/// `who` left the consortium: its commitments to missions not yet
	/// started are withdrawn (bonds back), and it abandons every active
	/// mission it is on the roster of (bonds forfeited, as `abandon`). Each
	/// mission is handled in its own storage layer: one that fails is left as
	/// it was. Returns the weight used.
	pub fn member_left(who: &T::AccountId) -> Weight {
		let ids = CommittedMissions::<T>::get(who);
		let count = ids.len() as u32;
		for id in ids {
			let Some(mission) = LiveMissions::<T>::get(id) else { continue };
			let result = frame_support::storage::with_storage_layer(|| {
				if Self::is_active(&mission) && mission.roster_position(who).is_some() {
					Self::do_abandon(who.clone(), id).map(|_| ())
				} else {
					// Before work, or a commitment never accepted: bond back.
					Self::do_withdraw_commitment(who.clone(), id).map(|_| ())
				}
			});
			if let Err(error) = result {
				Self::deposit_event(Event::MemberLeaveFailed {
					mission: id,
					who: who.clone(),
					error,
				});
			}
		}
		Self::member_left_weight_per_mission().saturating_mul(count.max(1) as u64)
	}
}

impl<T: Config> Pallet<T> {
	// ----- Assets -----

	pub(crate) fn do_set_minimum_budget(
		asset: T::AssetKind,
		minimum: Option<BalanceOf<T>>,
	) -> DispatchResult {
		ensure!(asset != T::NativeAsset::get(), Error::<T>::NativeMinimumIsAParameter);
		ensure!(
			<T::Assets as fungibles::Inspect<_>>::asset_exists(asset.clone()),
			Error::<T>::AssetNotAccepted
		);
		if let Some(minimum) = minimum {
			let floor = <T::Assets as fungibles::Inspect<_>>::minimum_balance(asset.clone());
			ensure!(!minimum.is_zero() && minimum >= floor, Error::<T>::MinimumBelowAssetMinimum);
		}
		MinimumBudgets::<T>::set(&asset, minimum);
		Self::deposit_event(Event::MinimumBudgetSet { asset, minimum });
		Ok(())
	}

	pub(crate) fn do_claim(
		who: T::AccountId,
		asset: T::AssetKind,
		from: T::AccountId,
	) -> DispatchResult {
		let key = (asset.clone(), from.clone());
		let amount = Claimable::<T>::get(&who, &key).ok_or(Error::<T>::NothingToClaim)?;
		// Release and transfer on hold check the recipient can receive; the call is all or
		// nothing, so a refusal changes nothing.
		Self::pay_from_escrow(&asset, &from, &who, amount)
			.map_err(|_| Error::<T>::CannotReceive)?;
		Claimable::<T>::remove(&who, &key);
		Self::deposit_event(Event::Claimed { who, asset, from, amount });
		Ok(())
	}
}
