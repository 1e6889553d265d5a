<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name />
    <message>
      <source> min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>#{booking} · {student} with {teacher}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Admin</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Profile and password…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(not shown)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 character</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 dead letter waiting for a retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 event</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 new</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 star</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 unread message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 unread message in your bookings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 {noun}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>6 digits</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A booking cannot be {status} while its payment is {payment}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A booking that is {frm} cannot become {to}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A card-setup Checkout Session was created and expired.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A code is on its way to {email}. Enter it here within 15 minutes to use that address.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A day off cannot be in the past.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A job dedupe key is 1 to 255 characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A job kind is 1 to 40 characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A job needs at least one attempt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A job payload must be plain JSON: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A job's run time must be an aware UTC datetime.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A LinguaFlex language session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A meeting room is created when the session is paid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A new time was proposed; open Details… to see and answer it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A partial refund needs a positive amount.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A payment for this booking is already in progress.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A payment for this booking is already in progress. If your bank's verification is still open, continue it, or cancel the payment attempt to pay again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A payment for this booking is in progress; try again once it has finished.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A payment is in progress for this booking; wait until it finishes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A payment that is {frm} cannot become {to}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A payout cannot be dated in the future.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a refund held here is unknown to Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A refund needs a request key (at most 255 characters).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A refund of this payment is already waiting for Stripe's answer; the payment reconcile finishes it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a refund's amount differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a refund's status differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A revenue chart shows at most {most} days: choose a shorter period or longer buckets.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A revenue chart shows at most {most} months: choose a shorter period or longer buckets.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A revenue chart shows at most {most} weeks: choose a shorter period or longer buckets.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A revenue report covers at most {years} years.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A secret can be at most {limit} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A session can be rated once it is completed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A session can only be completed once it has been paid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A session lasts at most {hours} hours.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A statement covers at most 10 years.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A Stripe publishable key starts with 'pk_'.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A student</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A teacher sees only their own statements.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A worker id is 1 to 120 characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A1 — Beginner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A2 — Elementary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>About</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>About me</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>About this gig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Accept new time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Account locked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>action filter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Action starts with… (e.g. refund.)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Active</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Active</source>
      <comment>gig</comment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Active, temporary password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add a card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add a card before paying.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add a card…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add card…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add day off</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Added</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Admin</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Admin accounts cannot be registered here; use `linguaflex create-admin`.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Admins</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adopted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>After</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Agenda</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>agrees</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ALL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All bookings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All jobs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All levels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All roles</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount ({currency})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>amount differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amounts must be exact (a decimal string), not a float.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An account with the email {email} already exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An admin gave you a temporary password. Choose your own password to continue; nothing else can be done before.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An administrator hid your review of this session: other students no longer see it and it no longer counts in the teacher's rating.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An empty secret cannot be stored; clear it instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An exported time must carry its time zone.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An hourly rate of {rate} is not plausible.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An unexpected error occurred and the action was not completed. The details were written to the log file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Another process already serves this folder's payments sandbox.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer cancellation request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer each request before its deadline; times are in your zone, {zone}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer from {name} ({when}):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer {student}'s review ({stars} of 5). Students see your answer under the review; you can answer once.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answered: {answer}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any currency</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any payment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any student</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Apply what is due to this booking now (an unpaid one is cancelled).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Apr</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ask for at most {n} days at a time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ask for at most {n} teachers at a time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ask Stripe now about {what} {id}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ask Stripe where the payment stands and record it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ask to cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ask to cancel “{gig}” with {name} on {when}?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Asked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Asked on {when}: “{reason}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>At least {count} characters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>At most {remaining} can be refunded ({refunded} of {paid} is already refunded).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attempt {attempt} failed, retrying: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attempts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Audit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Audit trail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>audit trail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aug</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Availability</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>B1 — Intermediate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>B2 — Upper intermediate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Back to the student</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Background job gave up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Background jobs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>being paid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Being sent to Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Best match</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Best rated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>bio</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Book a session…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Book “{title}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking #</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking #{id}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking #{number} · {gig}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking #{number}: {gig}, {student} with {teacher}, {when} — {status}, payment {payment}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking after</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking closed by a full refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>booking differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking moved to a new time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking paid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>booking request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Booking requested</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>booking status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bookings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>bookings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Book…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Both keys are present and live mode keys.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Both keys are present and sandbox keys.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Both keys are present and test mode keys.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Both keys belong to account {account}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Both Stripe keys (secret and publishable) are needed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Both Stripe keys are needed: enter the secret and the publishable key in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Browser</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>by day in {zone}. Refunds count in the day of the payment they return.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>By language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>by language, days in {zone}. Refunds count with the payment they return.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>by month in {zone}. Refunds count in the month of the payment they return.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>By teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>by teacher, days in {zone}. Refunds count with the payment they return.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>by week (from Monday) in {zone}. Refunds count in the week of the payment they return.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>C1 — Advanced</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>C2 — Proficient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Calendar invite</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel and refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel booking…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel payment attempt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel {student}'s booking of “{gig}” with {teacher} on {when}? Both are told the reason.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel “{gig}” with {name} on {when}?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Canceled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancellation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancellation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancellation answered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancellation policy: you can cancel a paid session yourself up to 24 hours before it starts and get a full refund automatically. Later, you can ask to cancel: the teacher or LinguaFlex decides whether you get a full, partial or no refund. If the teacher cancels, you always get a full refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancellation request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancellation request #{request} answered: full refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancellation request #{request} answered: partial refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancellation request · {summary}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancellation requests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancelled</source>
      <comment>stripe</comment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled by the student more than 24 hours before the start.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled by the teacher (always a full refund).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled: not paid by the deadline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelling a paid session refunds the student in full.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelling the payment attempt…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelling the payment…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelling…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot do that</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot read {typed} as an amount: thousands are grouped in threes (1,000,000).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot read {typed} as an amount: use digits, e.g. 1250.50.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot read {typed} as an amount: use one decimal mark.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot read {typed} as an amount: {currency} amounts have at most 0 decimal places; separators group thousands.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Card brand</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Card ending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Card setup (Checkout Session)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Card setup cancelled; no card was saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Card setup not created at Stripe: {state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Card setup {id}: {state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change</source>
      <comment>history column</comment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change your own password under Account &gt; Profile and password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changes apply after LinguaFlex restarts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking for a saved sign-in…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking for secure storage…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking the keys with Stripe…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checking the meeting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Checks the keys LinguaFlex runs with now (saved changes count after a restart).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose 1 to 5 stars.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a currency to filter by price</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a first day on or before the last day.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a free time above.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a free time in the week above.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a full refund, a partial refund or no refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a new password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a period whose first day comes before its end.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a period whose start comes before its end.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a photo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a session length to see free times.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a teacher to read their reviews.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose at least one day for your free time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose buckets of a day, a week or a month.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose photo…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the kind of record to look up a record by its number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose your free time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose your free time as days and hours.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose your level in {language} ({levels}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clear filters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compare every paid payment and refund with Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compare the payment with Stripe again, settling its refunds Stripe has finished.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compare the payment with Stripe again; a refund made in the Stripe Dashboard stays listed until it is recorded or cancelled there.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compared {checked} payment(s). {agrees}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compared {checked} payment(s): {differences} difference(s) between our ledger and Stripe.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compared {done} of {total} payment(s) with Stripe…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Comparing our payments with Stripe…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Comparing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Completed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>completed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Completed sessions can be rated once.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Configuration problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Confirm</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Confirm new address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Confirm password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Confirm your new LinguaFlex e-mail address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>confirmation, pay now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Confirmed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>confirmed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Confirmed. {name} can now pay for the session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Conflict</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>contact details hidden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Continue verification</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copy link</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copy the session's link, to paste it into a calendar or chat.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Country</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create gig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create meeting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create the meeting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Creating account…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>CSV files</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Currency</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Currency differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>currency differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Current address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Current password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Custom: {window}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Custom…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Damaged database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Data folder not writable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Data: {location}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database cannot be used</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database unavailable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dates…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>day off</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>day-off note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Days and hours in your time zone ({zone}):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Days off</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dead job queued again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dead letter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dead letters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>dead-lettered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dec</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Decline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Decline request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Decline {name}'s request for {when}? The reason is shown to the student.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Declined</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>declined</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Declined. {name} has been told why.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Decline…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Default</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>default</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Default (587)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Default (STARTTLS)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Default card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Default set</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete meeting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete the meeting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete the stored value from the keyring</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Demo accounts of this database. Choose one to sign in:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Demo data loaded: {teachers} teachers with {gigs} gigs, {students} students and {admins} admin. Choose an account to sign in:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Description</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>description</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Details…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Difference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Differences</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Differs from Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Display name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>display name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Done. Tell {name} this password in person or by phone (not by e-mail); they must choose their own when they next sign in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E-mail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E-mail handed over</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E-mail is not set up for this app, so no code can be sent. Please ask an admin to give you a temporary password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E-mail is not set up for this app, so no code can be sent. Please ask an admin to set a temporary password for you (Users tab, Set temporary password…); you choose your own when you next sign in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E-mail sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. Conversational Spanish for travellers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>e.g. Spanish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Each range must start before it ends, within one day.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Each weekly range must be a weekday with start and end.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Earned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Earned up to the end of the period, less everything paid out by then.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Earned: the teacher's share of the payments that succeeded in the period, less the refunds taken from it. Owed: everything earned up to the end of the period, less everything paid out by then.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Earnings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>earnings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit gig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>email address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Email changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>end of the range</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ends</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter an amount.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter it in LinguaFlex (Account &gt; Profile and password) to use this address for your account. It works once, for {minutes} minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter it in LinguaFlex (Forgot password?) with your new password. It works once, for {minutes} minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter the e-mail address of your account; we send it a code.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter your email address and password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every booking matching the filters, to a CSV file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every event matching the filters, to a CSV file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every event of the booking, with Stripe's side</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every event of the row's booking, with Stripe's side</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every paid payment and refund agrees with Stripe.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every payment matching the filters, to a CSV file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Everything that remains</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Everything that remains ({amount})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Excellent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>expected version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Expired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Expires</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>expires {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export CSV…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export finished</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export {what}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exported 1 row to {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exported {rows} rows to {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exporting {what} to {file}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exporting {what} to {file}… {rows} rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Failed</source>
      <comment>meeting</comment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>failed</source>
      <comment>stripe</comment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Failed attempts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fair</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Feb</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filter by a list of {what} values.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filter by name or email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Find a teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finished</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>first day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fix</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fix: {action}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fixing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>For {name}: {time}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Forgot password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Forgot password?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Free time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Free time goes in whole hours.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Free time must start before it ends, within one day.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fri</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From {country}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Full refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Full refund: the booking is cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gave up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gave up after {attempts} attempts: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gigs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gigs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give each language as a name and a level.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give the schedule window as aware instants.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give the student a reason when you decline.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give the weekly availability as a list of ranges.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give {name} ({email}) a temporary password. Their saved sign-ins end, and they must choose their own password at the next sign-in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Good</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gross</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>handed to the mail server; delivery not confirmed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Health timeline — booking #{id}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hello {name},</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hidden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hidden at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hidden {when}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hide review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hide {student}'s review of {teacher} ({stars} of 5)? Students will no longer see it and it will not count in the rating. The reason is recorded in the audit trail and sent to its author.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hide…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>History</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hourly rate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hourly rate: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>How was “{gig}” with {teacher} on {when}? Other students see your rating, your review and your first name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>I am a</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>If an account uses {email}, a code is on its way to it. Enter it below within 15 minutes with your new password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>If you did not ask for this, ignore this e-mail: nothing changes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>If you did not ask for this, ignore this e-mail: your password stays the same.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>If your browser did not open, copy this address into it:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In progress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In-app</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inactive</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inbox</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Internal reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>internal reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Internal reason (required): admins and the audit trail only, never the student</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>internal: “{reason}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Invalid input</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Invite saved to {path}. Open it to add the session to your calendar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It starts more than 24 hours from now: you get a full refund automatically.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It starts within 24 hours, so the cancellation must be requested: the teacher or LinguaFlex answers it and decides whether you get a full, partial or no refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>It still differs: {what} (here {ours}, at Stripe {stripe}); check the payment in the Stripe Dashboard.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>item</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>items</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>its amount differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>its currency differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Its payment deadline has passed, yet it is still confirmed and awaiting payment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>its status differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jitsi address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>jitsi base url</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Job</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>job</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Job #{id} ({kind}) is queued again with fresh attempts; the worker runs it shortly.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Job #{id} · {kind} · {state} · {attempts} of {max} attempts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Job #{number} is queued again with fresh attempts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Job “{what}”: {state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jobs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>jobs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jobs ({count} dead)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Join link</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Join session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Join: {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Joined</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jul</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jun</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keep booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>kept by the platform ({amount})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Language lessons with teachers you choose</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Languages I speak</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Languages must be given as a list of languages with levels.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Languages must be given as a list of names.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last 3 months</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last 30 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last 365 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last 7 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last attempt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>last day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last error</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last month</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Left to refund after</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Length</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Length</source>
      <comment>text</comment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Level</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LinguaFlex cannot keep secrets (keys and passwords) on this computer: no secure password store (such as the system keychain or credential manager) is available. Set them in the environment instead (STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LinguaFlex cannot keep secrets (keys and passwords) on this computer: the only password store available keeps secrets in a plain file. Set them in the environment instead (STRIPE_SECRET_KEY, ZOOM_CLIENT_SECRET, SMTP_PASSWORD).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LinguaFlex cannot keep secrets (keys and passwords) on this computer: the password store refused to delete it ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LinguaFlex cannot keep secrets (keys and passwords) on this computer: the password store refused to save it ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LinguaFlex cannot remember your sign-in on this computer: no secure password store (such as the system keychain or credential manager) is available.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LinguaFlex cannot remember your sign-in on this computer: the only password store available keeps secrets in a plain file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LinguaFlex cannot remember your sign-in on this computer: the password store refused to save it ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LinguaFlex writes in English (en) or Spanish (es), not {code}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Link copied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Link:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>List at most {n} languages.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>List the payment's refunds at Stripe again and record ours when it can be told.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Load demo data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading bookings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading booking…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading free times…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading gigs…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading jobs…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading messages…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading payments…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading payouts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading the audit trail…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading the revenue report…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading the statement…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading the timeline…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading users…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading your cards…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading your earnings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading your gigs…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Looking up your payment…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Make default</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mar</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mark completed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mark paid out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mark paid out…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Marked completed: {gig} with {name}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Max</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Max {currency} / h</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>May</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting cancelled with the booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting could not be created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting deleted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting failed: unknown reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting failed: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting link</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>meeting link</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting link for your session with {other}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting link: {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting moved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting pending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting pending: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting ready</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting ready · {provider}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting ready: Join / Start opens it in the browser.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting set-up started</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting still pending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meetings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>message</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Message from {author} to {recipient}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Message to the student</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>message to the student</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Message to the student (optional): shown on their booking, receipt and notification. Left empty, they read “{default}”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Message to {recipient}: “{subject}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Messages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>messages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Messages ({count})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Min {currency} / h</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mismatch</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Month</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move the meeting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Must choose a new password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>My bookings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>My gigs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>My profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name shown to others</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>native</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>needs action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs action at Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs attention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs attention ({count})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Needs-attention fix run</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Net (ours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Net (Stripe)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Net revenue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>never</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New gig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New gig…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New message from {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New session request from {other}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New start</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>new time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New time declined</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New time proposed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New time proposed. The booking moves when the other party accepts it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New time: {time}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>new@example.com</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Newest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next attempt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next week →</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next →</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No audit events match these filters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No background jobs yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No bookings here yet.
Find a teacher and book a session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No bookings match these filters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No change of e-mail address is waiting for a code.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No days off planned.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No dead letters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No dead letters. Every job either ran or is still being tried.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No differences.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No earnings and no payouts up to the end of this period.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no error recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No error recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No events</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No free times this week. Try the next week.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No gigs match your search. Try fewer filters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No gigs on the platform yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No jobs in this state.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No meeting (not paid)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No meeting for this booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No meeting yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No messages yet.
Booking updates, meeting links and reminders arrive here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No messages yet. Write to agree on goals, materials or questions before the session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No new requests on these days; existing bookings stay.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No paid sessions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No paid sessions in this period.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No paid sessions yet.
Sessions appear here once the student has paid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No payment of this booking is waiting; you can pay it again if it is unpaid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No payments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No payments match the filters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No payments succeeded in this period.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No payouts in this period.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No payouts recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No refund was granted. The session stays booked: you may still attend it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No refund: the session stays booked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No requests are waiting for you.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No reviews yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No reviews yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No saved cards yet.
Add a card to pay for your confirmed bookings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No secure keyring: cannot be stored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No secure storage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No sessions this week.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No successful payment was found for this booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No such teacher.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No such user.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No teacher is free then in the next two weeks. Try other times.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No upcoming income: no paid session ahead in this period.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No users match the filter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No {noun}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>none given</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>none yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not a LinguaFlex Jitsi room: {room}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not allowed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not available: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not possible now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not read yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not sent by e-mail (in-app only)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not sent: its job is dead-lettered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not set</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not stored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not yet answered by Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note (optional; recorded in the audit trail)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note to the student (optional; they read it)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note: {note}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nothing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing has been paid for this booking, so nothing is refunded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing has happened to this booking yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing is left to refund on this booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing needs attention: every booking, payment and job is where it should be.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing was compared.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nov</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Now: {time} · {length}.
{name} will be asked to accept the new time; until then the booking keeps its current time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>number of stars</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Oct</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Online session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a confirmed booking can be cancelled; this one is {status}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a confirmed or completed booking can be refunded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a confirmed, paid session can be asked to be cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a confirmed, paid session can be marked completed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a confirmed, paid session that has not taken place can be cancelled this way.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a dead job can be retried; job #{job_id} is {state}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a paid booking can be refunded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a partial refund takes an amount.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only a waiting request can be declined; this booking is {status}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only students can request sessions.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the reviewed teacher can answer this review.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the student and the teacher join the session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the student and the teacher of this booking can join.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the student and the teacher of this booking can reschedule it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the student of this session can rate it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the student who booked can ask to cancel it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the student who booked can cancel it this way.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the student who booked can pay this booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the student who booked, or an admin, can cancel a booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the teacher of this booking can cancel it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the teacher of this booking can do that.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the teacher of this booking can start its meeting.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the teacher of this booking or an admin can answer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open Cancellation requests in LinguaFlex to answer: a full, partial or no refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open LinguaFlex and choose Pay on the booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open LinguaFlex to confirm or decline it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open requests only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open the booking with unread messages.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open the page again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Opening your data…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Optional: a note for the teacher (goals, level, …)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Outcome</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Outcome unknown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Over time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Owed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Owed at the end</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Owed at the end of the period: {amount}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pages start at 0 and hold 1 to {n} rows.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>paid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid (ours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid (Stripe)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid over 10 minutes ago, and no meeting is ready yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid over 10 minutes ago, and the meeting is still not ready ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid over 10 minutes ago, but the meeting could not be made ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid sessions, in your time zone. The platform fee is paid by the student on top of your rate; refunds come out of your share first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid {paid} · already refunded {refunded}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid, no meeting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Part of it:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partial refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>partial refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partial refund (the session stays booked):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partial refund of {amount} to {other}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partially refunded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passcode: {passcode}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passcode: {password}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Password reset</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Past</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pay again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pay by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pay for your session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pay {amount}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paying with {brand} •••• {last4}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payload</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>payment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment #{number} has waited for Stripe for over 30 minutes (Stripe never answered its start).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment #{number} has waited for Stripe for over 30 minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment attempt cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment attempt failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment attempt not created at Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment attempt started</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment declined</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment fully refunded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment in progress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment methods</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>payment overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment paid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment pending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment pending too long</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment received.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment received: {amount}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment refunded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment started</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>payment status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment unknown to Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>payment unknown to Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment went through on a closed booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PaymentIntent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PaymentIntent read again from Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>payments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payments that succeeded from {first} to {last}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payout {reference} recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payouts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payouts in the period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payouts to you</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payouts to {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pay…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>pending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pending at Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>per hour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Photo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>pk_live_… or pk_test_…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Platform fee</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Platform fees</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Platform fees kept after refunds (a refund comes out of the teacher's share first).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Platform net</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please choose a new password first (Account &gt; Profile and password).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please choose a time zone.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter a display name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter a language.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter your email address.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Poor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Port</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Post answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Post review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Previous</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Price</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Price limits cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Price limits go up to {n} minor units.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Price limits must be whole numbers of minor units.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Price: high to low</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Price: low to high</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>processing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Profile and password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Profile changed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Profile not available</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Profile saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Propose a new time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Propose this time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Provider</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Publishable key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Queue the job again with fresh attempts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Queue the meeting's creation again, due now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Queue this job again with fresh attempts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ranges start and end on {step}-minute steps.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rate this session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rate this session…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rating</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rating {stars}+ only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re-read and refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re-read from Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re-read the payment at Stripe and return the money the closed booking holds.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reactivate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reactivated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Read again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Read again now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>read {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reading our payments…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ready</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason (recorded in the audit trail)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason for the student (required)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Received</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Received {when} ({zone})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recent reviews</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>record kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>record number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Recorded by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reference</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refresh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund #{number} of {amount} was not sent: Stripe holds a refund on this payment that LinguaFlex cannot attribute.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund amount differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>refund amount differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund at Stripe not ours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund at Stripe not recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund at Stripe not recorded here</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>refund at Stripe not recorded here</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund cancelled at Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund failed at Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund found at Stripe and recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund issued by LinguaFlex</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund needs action at Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund needs an administrator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund not yet answered by Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund read again from Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund requested</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund status differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>refund status differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund succeeded at Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund unknown to Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>refund unknown to Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund {amount}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunded</source>
      <comment>booking</comment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>refunded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunded (ours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunded (Stripe)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunded from your share</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunded {amount} (Stripe refund {id}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunded {amount}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunds</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refused</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refused by Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reload</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remember me on this computer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reminder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>reminder 1 hour before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>reminder 24 hours before</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reminder: session with {other} in 1 hour</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reminder: session with {other} in 24 hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove day off</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove photo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove these hours (saved with Save weekly hours)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove {card}? You can add it again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Removed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remove…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Repeat new password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reply in LinguaFlex: open the booking and its Messages. Further messages of this conversation are shown there.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>request declined</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request expired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>request expired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request expired: the teacher did not answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request sent to {teacher}. You can pay once they confirm it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requested</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requesting…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requests ({count})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requests pin Stripe API {version}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requires action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reschedule declined</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reschedule proposed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rescheduled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reschedule…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retry job</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Retry meeting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Revenue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>revenue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Review hidden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reviews</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>reviews</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Role</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rule</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Run due transitions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Running</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>running</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sandbox payments, no real money. Test cards: 4242 4242 4242 4242 works · 4000 0000 0000 0341 declined · 4000 0025 0000 3155 3-D Secure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sandbox: payments made here are test payments, no real money moves.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saturday morning (8:00-12:00)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save calendar invite</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save changes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save invite (.ics)…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save statement as PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save the calendar invitation to add the session to your calendar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save weekly hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved. Lists show times in the new time zone after you next sign in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Say whether the gig is active (yes or no).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Say whether the newest bookings come first (yes or no).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Search by free time is not available here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Search by title, teacher or description</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>search text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Searching…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Secret key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Security</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Seen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a booking to see its payment and receipt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a dead letter to retry it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a gig to see its details.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a job to see its details.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a message to read it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a message with a calendar invitation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select a row to see its fix.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Select an event to see what changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send a new code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send a reminder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send an e-mail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send code to new address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send e-mail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send the message (Ctrl+Enter).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sender</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sep</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service unavailable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>session booked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session completed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>session completed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session durations go in {step}-minute steps.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session length</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session with {other} cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session with {other} cancelled and refunded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session with {other} cancelled: not paid in time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session with {other} completed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session with {other} is booked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session with {other} moved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session with {other} refunded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Session: {title}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sessions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sessions can be booked at most {weeks} weeks ahead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sessions must be booked at least {hours} hours ahead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sessions start on the quarter hour ({step}-minute steps).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sessions starting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sessions: {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Set in the environment, which wins over these fields: {variables}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Set new password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Set password and continue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Set temporary password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Set temporary password…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Show</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sign-in failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Signed in as {name} ({role}) · data: {location}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Signing in…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Since</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP host</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>smtp host</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP is not configured (SMTP_HOST).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>smtp password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP port</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>smtp port</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP security</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>smtp security</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP security must be one of {choices}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP security must be starttls, tls or plain, not {security}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP sender</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>smtp sender</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP server</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SMTP user name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>smtp username</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Someone else changed this booking first; here is its current state.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Something went wrong</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sort</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Speaks {languages}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>speaks {languages}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>start of the range</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Starting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Starts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>State</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>State as last read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>statement lines</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Statement of {name}, {period}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Statement PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Statement saved to {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Statement {name} {first} to {last}.pdf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Statements</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>status differs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Still waiting for Stripe's page. The card setup stays open: finish it there, or cancel.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Still waiting for the confirmation in the browser. Finish it there, or cancel.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stopped after {checked} payment(s); the tables show what was compared.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stopping after the current payment…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stored in keyring</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe accepted the refund (pending)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe and LinguaFlex agree on this payment now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe answered with an error: {stripe}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe confirmed the payment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe confirmed the payment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe confirmed the payment; it is recorded as paid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe could not be reached (no answer in time, or it is unavailable). Nothing was charged or changed; please try again in a moment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe could not be reached: check the internet connection (or proxy / firewall) and check again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe Customer {id} of {student}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe did not answer while confirming the payment, so it is not known yet whether it went through. Nothing will be charged twice: LinguaFlex checks with Stripe and updates the booking as soon as it can.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe did not answer, so it is not known yet whether the refund was made. Try the same refund again in a minute: it will not be made twice.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe did not answer, so the payment was not started and nothing was charged. Please try again in a few minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe did not expire the test Checkout Session (status {status}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe disagrees</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe does not know its PaymentIntent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe does not recognise the publishable key: copy it again from the Stripe Dashboard (Developers &gt; API keys).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe does not recognise the secret key: copy it again from the Stripe Dashboard (Developers &gt; API keys).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe had refunded it already; {count} refund(s) recorded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe holds a refund for this payment that LinguaFlex did not record, so this refund was not sent again (it may be the same money). Check the payment in the Stripe Dashboard.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe holds a refund on it that was never recorded here</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe keys are not configured.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe names another booking for it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe now says this payment is {status}, so nothing was refunded; check it in the Stripe Dashboard.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe PaymentIntent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe publishable key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>stripe publishable key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused the API key; check the keys in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused the refund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused the refund ({stripe}); it is recorded as failed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused the refund: {stripe}. Nothing was refunded; it can be made again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused the request.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused the request: {stripe}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused to create a card-setup Checkout Session with these keys.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused to start the payment: {stripe}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe refused to start the payment: {stripe}. Nothing was charged; you can pay again now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe says {stripe} but our record says {held}; nothing was changed. Use Verify with Stripe, or refund, to settle the difference.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe says {stripe}; our record agrees.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe says {stripe}; our record moved from {before} to {after}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe says {stripe}; the payment is not finished yet, so nothing changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>stripe secret key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe still has this payment in progress; it was left as it is.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe still holds {refunds} on this payment, which LinguaFlex cannot attribute, so the refund was not sent; check the payment in the Stripe Dashboard.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe test cards cannot be used with live keys.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe took payment #{number} after the booking had closed here; {amount} has not been returned.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe took the payment after the booking had closed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe {object} {id}: {state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe's answer closed the attempt: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe's card page expired before a card was saved. Start again to add a card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe's payment does not match the booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stripe's record of this payment does not match the booking, so it was not accepted. An administrator has been alerted; please contact support.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Student</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>student</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Student — I want to learn</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Student's note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Students</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Students can book you inside these hours ({zone}). Several ranges per day are fine; a range ending at 00:00 runs to midnight.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Students see your photo, name, country, languages and description beside your gigs and on your profile.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Subject</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Succeeded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>succeeded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sun</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspend</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspend gig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspend user</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspend {name} ({email})? They will not be able to sign in or act until reactivated.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspend “{title}” by {teacher}? It disappears from search.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspended</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspended since</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspended {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suspend…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>System</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>System default ({language})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher answers by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher confirmed the booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher declined the booking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher profile…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher shares</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher shares kept</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher — I want to teach</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher's share</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teacher's time zone: {zone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teachers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teachers keep {amount}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teachers see their earnings instead of payments.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tell students about your experience and approach.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Temporary password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Test cards can only be used in the sandbox or with test keys.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Thank you: your review is posted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That booking does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That cancellation request does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That card belongs to another account.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That card is not among your saved cards.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That card setup was not found.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That card was not found among your saved cards.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That code is wrong or has expired. Ask for a new code if needed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That gig does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That is a Stripe secret key: enter it under 'Secret key', never as the publishable key (which is stored in plain text).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That is already the time of this booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That is already your e-mail address.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That is more than the {owed} {teacher} is owed in {currency}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That message does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That payment does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That payment no longer exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That refund had already been made; nothing more was refunded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That refund request belongs to another booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That reschedule proposal does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That review does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That slot is already taken.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That slot is already taken: the student already has a session at that time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That slot is already taken: the teacher has a session at that time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That slot is already taken: you already have a session at that time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That Stripe object is not one of this booking's payments or refunds.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That teacher does not exist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That time is in the past.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The 'from' time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The 'to' time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The address {email} already belongs to another account; choose another.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The amount must be a whole number of minor units.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The amount paid out must be more than zero.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The audit trail could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The background job “{kind}” gave up after 1 attempt: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The background job “{kind}” gave up after {n} attempts: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The bank transfer's reference (required)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The booking filter is not a BookingFilter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The booking is {status}: it can only be paid once the teacher has confirmed it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The booking is {status}: payment is only possible once the teacher has confirmed it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The booking was cancelled and your payment is refunded in full.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The booking was cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The booking was not paid by its payment deadline.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The bookings could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The browser could not be opened. The link is {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The calendar invitation is attached.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The card could not be saved: it was declined or not authenticated.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The check did not finish.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The comparison did not finish.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The connection to the mail server was lost while it received the message ({error}); it may have been delivered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The current password is wrong.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The due transitions ran: nothing was due any more.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The due transitions ran: the booking was cancelled, as it was not paid by its deadline.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The duration must be a whole number of minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The duration must be more than zero minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The end date is before the start date.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The end of the window</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The end of the window is before its start.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The export was cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The file {name} cannot be opened.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The file {name} is not a picture this app can read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The first {listed} of {total} are listed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The free times could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hourly rate must be a whole number of minor units.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The hourly rate must be more than zero.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The Jitsi address must be a web address (https://...).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The Jitsi address must be an http(s) URL: {address}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The jobs could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The keys are of two modes (secret key: {secret}, publishable key: {publishable}): use both test keys or both live keys of one Stripe account.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} (refund {refund}) differing: {finding} (here {ours}, at Stripe {theirs}) (1 more difference).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} (refund {refund}) differing: {finding} (here {ours}, at Stripe {theirs}) ({more} more differences).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} (refund {refund}) differing: {finding} (here {ours}, at Stripe {theirs}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} differing: {finding} (here {ours}, at Stripe {theirs}) (1 more difference).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} differing: {finding} (here {ours}, at Stripe {theirs}) ({more} more differences).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The last check with Stripe found payment #{number} differing: {finding} (here {ours}, at Stripe {theirs}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The limit cannot be negative ({limit}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The list could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The lowest price is above the highest price.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server asked to try later ({code} {detail}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server cannot check credentials now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server closed the connection.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server could not be reached ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server could not be used: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server deferred {count} recipient(s): {details}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server does not offer STARTTLS; not sending in clear text.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server refused the message ({code} {detail}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server refused the SMTP username or password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server refused {count} recipient(s): {details}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server's certificate could not be verified ({reason}). If it uses a private certificate authority, set SMTP_CA_FILE to that authority's certificate.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The maximum duration cannot be shorter than the minimum.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The maximum duration is {hours} hours per session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The maximum duration must be a positive number of minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting could not be created: {reason}. An admin can retry it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting is being made right now; look again in a minute.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting is cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting is not available: meeting cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting is not available: meeting failed: unknown reason.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting is not available: meeting failed: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting is not available: meeting pending.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting is not available: meeting ready.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting is not available: no meeting (not paid).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting room is being prepared (meeting pending). You will get the link as soon as it is ready; it will also show on the booking in LinguaFlex.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting room is being set up ({reason}). Refresh to check again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting room is being set up ({reason}). The link appears here when ready.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting room is being set up. Refresh to check again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting room is being set up. The link appears here when ready.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting was cancelled with the booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The meeting's creation is queued to run now; the worker makes it shortly.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The messages could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The minimum duration must be a positive number of minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The minimum price is above the maximum price.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The minimum rating is a number of stars from 1 to {n}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The new password must differ from the current one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The new start time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the other party</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The password must have at least {n} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The password must have at most {n} characters.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The password store cannot be loaded ({error}); check PYTHON_KEYRING_BACKEND and the keyring configuration.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The password the admin gave you</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment could not be started because Stripe did not answer; nothing was charged. You can pay again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment deadline for this booking has passed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment filter is not a PaymentFilter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment is being refunded to {other}. Stripe is still processing the refund; it can take a few days.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment is refunded to {other}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment is still being started with Stripe. Please try again in a minute.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment no longer needs a refund here.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment was cancelled; nothing was charged. You can pay again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment was not completed. Please try again, possibly with another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payment went through at Stripe after the booking was closed; an administrator will refund it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payments could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payments sandbox could not start; the details are in {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payments sandbox's keys in {path} cannot be read. Delete that file: new keys are made on the next start.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The payout could not be recorded; try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The photo cannot be read as an image; it may be damaged.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The photo file is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The photo is not a PNG or JPEG image.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The photo is too large ({size} KB; at most {limit} KB): choose a smaller picture.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The photo is {width} x {height} pixels; at most {side} x {side} is stored.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The photo must be an image file's contents.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The picture could not be converted; try a PNG or JPEG file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The picture {name} is too large ({size} MB; at most {limit} MB).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The price could not be worked out.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The profile was not saved; see the marked fields.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The proposed time is now too close to accept.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The publishable key belongs to another Stripe account than the secret key: use both keys of one account.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The publishable key has been revoked or has expired: create a new one in the Stripe Dashboard and enter it in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The publishable key must start with pk_test_ or pk_live_.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The refund is no longer waiting: it was recorded meanwhile.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The refund must be a positive whole number of minor units.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The refund was found at Stripe and recorded: Stripe says {status}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The refund was sent to Stripe: Stripe says {status}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The request from {other} expired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The restricted key lacks a permission this app needs ({needs}): grant it in the Stripe Dashboard, or use the secret key.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The revenue report could not be made.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The review is hidden; its author was told why.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The search could not be run.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The secret key has been revoked or has expired: create a new one in the Stripe Dashboard and enter it in Settings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The secret key must start with sk_test_, sk_live_, rk_test_ or rk_live_.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session ended.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session has a new time (was {was}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session has a new time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session has not ended yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session is cancelled and you get a full refund ({amount}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session is marked completed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session price rounds to nothing; choose a longer session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session stays booked and its meeting link does not change.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session was cancelled and the student refunded in full.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session was not paid by its payment deadline, so it is cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The session was opened in your browser.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The sessions of this period, to a CSV file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The settings to save are not StoredSettings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The SMTP port must be a whole number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The SMTP port must be between 1 and 65535.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The start of the window</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The start time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The statement could not be made.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The statement could not be written to {path} ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The statement could not be written to {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The Stripe keys work (live mode).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The Stripe keys work (sandbox).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The Stripe keys work (test mode).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The Stripe sandbox could not be reset: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The student and the teacher join from their booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The student is refunded in full, and reads your reason (required). A cancelled session cannot be restored.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The student's reason: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The table as shown, to a CSV file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The teacher did not answer the request in time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The teacher has not written more.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The teacher is not available at that time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The teacher's share of payments that succeeded in the period, less refunds.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The timeline could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The two new passwords do not match.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The two passwords do not match.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The updated calendar invitation is attached.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} cannot be empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} contains an invisible control character ({code}) that cannot be stored; please remove it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} contains an invisible text-direction character ({code}) that changes how it reads; please remove it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} is 1 character too long (at most {maximum}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} is too long (at most {limit} characters).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} is {over} characters too long (at most {maximum}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} must be a date.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} must be a whole number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} must be between {minimum} and {maximum}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} must be text.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} must fit on one line; please remove the line break.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} must lie between {first} and {last}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Their reason: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no job #{job_id}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no meeting link until the session is paid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no needs-attention rule named {name}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This account is suspended. Please contact the LinguaFlex team.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking can no longer be cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking has already been refunded in full.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking has no meeting.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking is already paid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking is no longer paid; nothing can be refunded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking is not yours.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking is paid: an admin cancels it by issuing a refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking is paid: cancel it from My bookings (a full refund more than 24 hours before the start; later, ask for the cancellation).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking is paid: cancelling it refunds the student in full.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking is paid: it can only be cancelled with a refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This booking is {status}; it can no longer be moved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This cancellation request has already been answered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This database has no accounts yet. Load demo data to try LinguaFlex with sample teachers, students and gigs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This gig does not exist or is no longer offered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This gig is not offered at the moment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This gig is suspended and cannot be booked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This gig lasts {minimum} to {maximum} minutes in steps of {step}; {duration} is not offered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This meeting is on Zoom, but Zoom is not configured here (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This message has no calendar invitation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This month</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This no longer needs attention.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This payment attempt was closed meanwhile; please pay again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This payment has no Stripe PaymentIntent.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This payment is not yours.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This payout request was already used for a different payout.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This proposal is no longer open.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This request has expired; it can no longer be confirmed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This review is already hidden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This review is hidden; it cannot be answered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This session is already completed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This session is cancelled.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This session is cancelled. Reason: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This session starts more than 24 hours from now: cancel it yourself for a full refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This session starts within 24 hours, so it is no longer refunded automatically: ask for the cancellation instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This teacher has not written about themselves yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This teacher is not taking bookings at the moment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This teacher offers no gigs at the moment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This week</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Thu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time zone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Timeline…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Times are shown in your time zone, {zone}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>TLS with the mail server failed ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To host, use Start on the booking in LinguaFlex (it opens a fresh link).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>to the student: “{message}”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Too many codes were asked for in the last hour; please wait a while and try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Too many failed sign-in attempts. Try again in 1 minute.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Too many failed sign-in attempts. Try again in {minutes} minutes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Total</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Totals per currency</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Try again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Try again, or choose another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Two ranges on the same day overlap; merge them.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type to replace the stored value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>unknown</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown country {value}; choose one from the list.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown job state {state}; use one of {names}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown level {level} for {language}; choose one of {levels}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown level {value}; choose one of {choices}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown or unsupported currency: {currency}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>unknown reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown role {role}; choose student or teacher.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown sort {sort}; use one of {sorts}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown time zone {name}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown time zone: {key}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown {what} {value}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unpaid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>unpaid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unpaid past its deadline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>unread</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Upcoming</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Upcoming</source>
      <comment>bookings</comment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Upcoming ({sessions})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Upcoming income: {amounts}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Updated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>User</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>user</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>User name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Users</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>users</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verify again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verify with Stripe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Very good</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Visible to students in search</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>waiting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for an answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for an answer from the teacher or LinguaFlex.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>waiting for confirmation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for Stripe to confirm the payment…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for Stripe to make the refund. You can close this window: the refund goes on, and the payments list shows how it ended.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for Stripe to say how your payment stands. You can close this window and continue from My bookings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for Stripe to take the payment. You can close this window: the payment goes on, and My bookings shows how it ended.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for the provider: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>waiting for the teacher</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for you to finish on Stripe's page…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for you to finish on Stripe's page… Enter your card in the browser window that just opened. This window closes by itself when Stripe has saved the card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for {time}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>waiting to be sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>We hope it went well. You can rate the session in LinguaFlex.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Week</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Week of {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>weekday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weekday evenings (Mon-Fri 17:00-21:00)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weekday mornings (Mon-Fri 8:00-12:00)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weekdays go from 0 (Monday) to 6 (Sunday).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weekend (all day)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weekly hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weekly hours saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What this refund does</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What will a session look like? Who is it for? What should students prepare?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What's wrong</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When ({zone})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When you are free, in your time zone ({zone})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When: {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Who</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>with {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>with {teacher} · {rate} / h</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Without an SMTP server, notifications stay in the in-app inbox.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Without both Stripe keys, payments run in the built-in sandbox.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Worker batch size and delays must be positive.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Working out the price…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Write a message…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Write to {name}…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wrong email or password.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You can only edit your own gigs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You can only list your own bookings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You can only see your own account.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You cancelled more than 24 hours before the start: full refund under the cancellation policy.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You cannot book your own gig.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You cannot suspend your own account.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You declined the request. Reason: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You declined {other}'s request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You did not answer this request in time, so it expired.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You get a partial refund of {amount}. The session stays booked: you may still attend it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You have already answered this review.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You have already asked to cancel this booking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You have already rated this session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You have no gigs yet.
Create one to appear in students' search results.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You have no saved card yet. Add one under Payment methods, then pay.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You have now paid {remaining} of the original {total}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You have signed out.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You keep</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You proposed a new time: {when}. Waiting for the other party.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You proposed this time; the other party decides.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>You type the card number in your browser, on Stripe's secure page. LinguaFlex keeps only the brand, the last 4 digits and the expiry date.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>you@example.com</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your account is not active.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your answer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your answer is posted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your bank asks you to confirm this payment in the browser (3-D Secure).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your bank asks you to confirm this payment. Finish the check in the browser window that just opened; this window updates by itself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your bank could not confirm it was you. Try again or use another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your bank's verification was not finished within 30 minutes, so the payment attempt was cancelled; nothing was charged. You can pay again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your browser could not be opened. Copy this address into it:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your browser could not be opened. Open this address: {url}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your cancellation request was accepted: full refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your cancellation request was answered with a partial refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your card could not be charged because of a processing error. Please try again in a moment.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your card has expired. Use another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your card has insufficient funds. Use another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your card number was not accepted. Use another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your card was declined.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your card's expiry date was not accepted. Use another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your card's limit has been reached. Use another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your card's security code was not accepted. Use another card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your cards could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your confirmation code is {code}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your current password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your e-mail address is now {email}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your earnings could not be loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your LinguaFlex password reset code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your password reset code is {code}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your password was changed. Other computers must sign in again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your password was changed. Sign in with the new one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your payment of {amount} is being refunded. Stripe is still processing the refund; it can take a few days.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your payment of {amount} is refunded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your payment of {amount} went through.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your request to cancel the session with {teacher} was answered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your request to cancel was sent to the teacher and LinguaFlex.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your request to {other} expired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your review (optional): what went well, what could be better</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your review of the session with {other} was hidden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your role does not allow this.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your saved cards were changed at the same time. Please try again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your saved sign-in is no longer valid. Please sign in again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your saved sign-in is no longer valid; please sign in again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your session with {other} starts in 1 hour.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your session with {other} starts in 24 hours.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your share</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your share per month</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your teacher cancelled the session, so you get a full refund.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>your time zone: {zone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom account ID</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>zoom account id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom client ID</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>zoom client id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom client secret</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>zoom client secret</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom could not be reached ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom could not create the meeting: {detail} {http}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom could not delete the meeting: {detail} {http}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom could not find the meeting: {detail} {http}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom could not list the meetings: {detail} {http}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom could not move the meeting: {detail} {http}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom could not sign in: {detail} {http}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom did not answer in time ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to create the meeting again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to delete the meeting again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to find the meeting again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to list the meetings again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to move the meeting again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom had a problem (HTTP {status}); will try to sign in again later.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom is limiting requests; will try to create the meeting again later ({detail}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom is limiting requests; will try to delete the meeting again later ({detail}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom is limiting requests; will try to find the meeting again later ({detail}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom is limiting requests; will try to list the meetings again later ({detail}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom is limiting requests; will try to move the meeting again later ({detail}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom is limiting requests; will try to sign in again later ({detail}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom is not configured (ZOOM_ACCOUNT_ID, CLIENT_ID, SECRET).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom is used when account ID, client ID and client secret are all set; otherwise sessions get Jitsi links.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom needs an account id, a client id and a client secret.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom refused the app's credentials ({detail}): check the Zoom account id, client id and client secret.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom's meeting answer lacked {field}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zoom's sign-in answer had no access token.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} / h</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} in minor units (currency not recorded)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} in minor units of {currency}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} is not an amount.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} of your payment for the session with {other} refunded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} of your payment was refunded on {when}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} of your payment was refunded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} of {other}'s payment was refunded on {when}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} of {other}'s payment was refunded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} on {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} returned ({before} → {after})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{amount} was refunded at Stripe ({status}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{app} · Teacher statement</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{app} — Sign in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{attempts} of {max}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{base} + {fee} = {total}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{before} → {after}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{brand} ending in {last4}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{brand} ending {last4}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{brand} •••• {last4}, expires {month}/{year}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{card} is not one of Stripe's test cards (pm_card_...).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{card} is now your default card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{card} saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{card} was removed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} new</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} to look at (the first of each rule; more show once these are fixed).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} to look at.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} unread</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} unread messages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} unread messages in your bookings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{currency} amounts have at most {n} decimal places.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{currency} amounts have no decimals; type e.g. 1000.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{days} {start}:00-{end}:00</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{day} is not a day off.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{earlier}; {next}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{failure} {hint}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{fee} (the minimum; {percent} % would be {amount})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{fee} platform fee</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{fee} platform fee (the minimum; {percent} % would be {amount})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{file} could not be written to {folder}: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{first} to {last} ({zone})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{first}–{last} of {total} {noun}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{gig} with {teacher}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{hours} h</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{hours} h {minutes} min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{label}: {value}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{language} is listed twice; keep one line per language.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{language} · level {level} · {lengths} sessions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{language} · level {level} · {rate}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{length} at {rate} / h: {base} + {fee}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{low}–{high} min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{minutes} min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} (you)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} proposed a new time: {when}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} wrote about your session {title} ({when}):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} — teacher profile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name}'s time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name}: {amount}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} characters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} dead letters waiting for a retry.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} events</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} of {most}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} sessions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{other} asks for a {minutes}-minute session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{other} confirmed your session — pay now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{other} confirmed your session. Pay now to keep it: {amount} by {due}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{other} confirmed your session. Pay now to keep it: {amount}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{other} declined your request. Reason: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{other} declined your session request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{other} did not answer in time, so the request expired. You were not charged.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{other} paid for the session.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{paid} with {card}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{period}. Earned: the teacher's share of payments that succeeded in the period, less refunds. Owed: earned up to the period's end, less everything paid out by then.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{record} #{number}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{remaining} of the original {total} remains paid.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{sentence} Reason: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{shown} of {total} bookings loaded · scroll for more</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{shown} of {total} events loaded (scroll for more)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{span}  ·  times in {zone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{stars} of 5 stars</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{stars} of 5 — {word}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{stars} of 5: {word}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{stars} stars</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{start} to {end}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{status}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{student} asks to cancel a session</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{student} asks to cancel the session on {when}, which starts within 24 hours, so the refund is not automatic.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{student} with {teacher}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{student} with {teacher} · paid {paid} · already refunded {refunded}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{teacher} has no earnings in that currency (currencies earned: {known}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{teacher} has no earnings in {currency} (currencies earned: {known}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{time} local time ({zone})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{total} bookings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{total} including {fee} platform fee</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{total} {noun}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{typed} is ambiguous: here it reads as {read} {currency}; for {other} {currency} type {other}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{typed} is ambiguous: here {mark} groups thousands; for {other} {currency} type {other}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{value} is not a language name (2 to 40 letters, e.g. 'Spanish').</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{value} is not a valid email address.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{weekday} {day} {month} {year}, {time} (UTC{offset})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{what} must be a date and time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{what} must carry its time zone.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{what} must lie between {first} and {last}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{what} number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{what}: {state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>“{subject}” to {recipient}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>← Previous</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>← Previous week</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>★ {average} (1 review)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>★ {average} ({count} reviews)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>★ {average} · 1 review</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>★ {average} · {count} reviews</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
