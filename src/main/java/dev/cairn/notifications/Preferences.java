package dev.cairn.notifications;

import java.util.Map;

/**
 * A user's notification settings: which kinds they get by email and in the app, and
 * whether they want a daily digest of what they have not read.
 *
 * @param email the kinds mailed as they happen
 * @param inApp the kinds shown in the in-app feed
 * @param dailyDigest one mail a day listing the unread in-app notifications of that day
 */
public record Preferences(Channel email, Channel inApp, boolean dailyDigest) {

	/** Everything on, no digest: what a user without saved settings gets. */
	static final Preferences DEFAULTS = new Preferences(Channel.ALL, Channel.ALL, false);

	/** The settings after a change. */
	Preferences with(PreferencesPatch patch) {
		return new Preferences(this.email.with(patch.email()), this.inApp.with(patch.inApp()),
				patch.dailyDigest().applyTo(this.dailyDigest));
	}

	/**
	 * One channel's switches, one per kind.
	 */
	public record Channel(boolean assigned, boolean commented, boolean mentioned, boolean dueSoon) {

		static final Channel ALL = new Channel(true, true, true, true);

		boolean allows(Kind kind) {
			return switch (kind) {
				case ASSIGNED -> this.assigned;
				case COMMENTED -> this.commented;
				case MENTIONED -> this.mentioned;
				case DUE_SOON -> this.dueSoon;
			};
		}

		/** The channel with these switches turned on ({@code true}) or off. */
		Channel with(Map<Kind, Boolean> switches) {
			Channel result = this;
			for (Map.Entry<Kind, Boolean> change : switches.entrySet()) {
				result = result.with(change.getKey(), change.getValue());
			}
			return result;
		}

		Channel with(Kind kind, boolean on) {
			return new Channel((kind == Kind.ASSIGNED) ? on : this.assigned,
					(kind == Kind.COMMENTED) ? on : this.commented, (kind == Kind.MENTIONED) ? on : this.mentioned,
					(kind == Kind.DUE_SOON) ? on : this.dueSoon);
		}

	}

}
