package vn.kyso.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start page: the tiles of what the user's roles allow. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
