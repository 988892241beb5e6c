# Longest tests first in a parallel ctest run: cmake/TestCosts.cmake gives them a COST. It is read
# after each test binary's discovered tests (catch_discover_tests) in that binary's directory.
foreach(bitmig_test_target test_core test_cli test_widgets test_app test_model)
    if(TARGET ${bitmig_test_target})
        get_target_property(bitmig_test_dir ${bitmig_test_target} SOURCE_DIR)
        set_property(DIRECTORY ${bitmig_test_dir} APPEND PROPERTY TEST_INCLUDE_FILES
                     ${CMAKE_CURRENT_LIST_DIR}/TestCosts.cmake)
    endif()
endforeach()
