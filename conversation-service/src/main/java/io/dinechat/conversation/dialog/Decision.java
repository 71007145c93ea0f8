package io.dinechat.conversation.dialog;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of one step of the dialog: the new state, what to tell the guest, at most one command
 * for another service, and whether a human must take over.
 *
 * @param branchId   the branch the conversation is about (newly chosen or unchanged)
 * @param escalation why a human is needed (guest_asked, unresolved, dependency_down), or null
 * @param outcome    what the turn achieved, recorded on conversation.events.v1
 */
public record Decision(DialogState state, List<Say> says, AssistantCommand command, UUID branchId, String escalation,
        String outcome) {

    public Decision {
        says = List.copyOf(says);
    }
}
