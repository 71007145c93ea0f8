package io.dinechat.conversation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The assistant: reads guests' WhatsApp messages per conversation and answers from the restaurant's data. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConversationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConversationApplication.class, args);
    }
}
