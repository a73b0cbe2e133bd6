package dev.cairn.demo;

import dev.cairn.accounts.UserImports;
import dev.cairn.activity.ActivityLog;
import dev.cairn.comments.CommentImports;
import dev.cairn.labels.LabelImports;
import dev.cairn.members.MemberImports;
import dev.cairn.projects.ProjectImports;
import dev.cairn.tasks.TaskImports;

import org.springframework.stereotype.Component;

/** The modules' imports the demo writes through: each module writes its own tables. */
@Component
record DemoImports(UserImports users, ProjectImports projects, MemberImports members, LabelImports labels,
		TaskImports tasks, CommentImports comments, ActivityLog activity) {
}
